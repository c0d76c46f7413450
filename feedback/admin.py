from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import (
    CallbackAttempt,
    CallbackRequest,
    Case,
    CaseAccess,
    CaseEvent,
    ClockPause,
    Extension,
    Message,
    Notice,
    OutboxEmail,
    ResponsePolicy,
)
from .policies import PRESETS, preset_rules
from .services import case_reopen
from .vocabulary import Actor, CaseRuleError


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EventInline(ReadOnlyInline):
    model = CaseEvent
    fields = ["at", "actor_kind", "actor", "action", "from_state", "to_state", "reason"]
    readonly_fields = fields


class MessageInline(ReadOnlyInline):
    model = Message
    fields = ["created_at", "author_kind", "visibility", "body"]
    readonly_fields = fields


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records of what happened: shown, never added, changed or deleted here. A change an
    administrator needs goes through a service, with an administrator actor, and leaves an event
    in the case's log."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ["reference", "service", "kind", "state", "urgent", "identity_mode",
                    "received_at", "respond_due_at"]
    list_filter = ["state", "kind", "urgent", "identity_mode", "commissioner", "provider"]
    search_fields = ["reference"]
    # The receipt and submission hashes stay out of sight even here.
    exclude = ["receipt_hash", "submission_key"]
    inlines = [MessageInline, EventInline]
    actions = ["reopen"]

    @admin.action(description=_("Reopen the selected closed cases"))
    def reopen(self, request, queryset):
        """Reopen closed cases through the case service: each gets an event naming the
        administrator; cases the case policy refuses are left as they are and listed."""
        reopened, refused = 0, []
        for case in queryset.order_by("pk"):
            try:
                case_reopen(case=case, actor=Actor.administrator(request.user),
                            reason=str(_("Reopened by an administrator")))
            except CaseRuleError:
                refused.append(case.reference)
            else:
                reopened += 1
        if reopened:
            self.message_user(request, ngettext("%(n)d case reopened.", "%(n)d cases reopened.",
                                                reopened) % {"n": reopened}, messages.SUCCESS)
        if refused:
            self.message_user(request, _("Only closed cases can be reopened here; left as they "
                                         "are: %(references)s.")
                              % {"references": ", ".join(refused)}, messages.WARNING)


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ["case", "at", "actor_kind", "action", "from_state", "to_state"]
    list_filter = ["action", "actor_kind"]


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ["case", "created_at", "author_kind", "visibility", "purpose"]
    list_filter = ["visibility", "purpose", "author_kind"]


@admin.register(CallbackRequest)
class CallbackRequestAdmin(ReadOnlyAdmin):
    list_display = ["case", "requested_at", "due_at", "status"]
    list_filter = ["status"]
    # The number is for the member handling the case (PRODUCT.md §4), not the admin's pages.
    exclude = ["phone"]


@admin.register(OutboxEmail)
class OutboxEmailAdmin(ReadOnlyAdmin):
    list_display = ["purpose", "to", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "purpose"]


class ResponsePolicyForm(forms.ModelForm):
    start_from = forms.ChoiceField(
        label=_("Start from a preset"), required=False,
        choices=[("", _("Keep the rules below"))] + [(k, v["name"]) for k, v in PRESETS.items()],
        help_text=_("Choosing a preset replaces the rules and citation below with the preset's; "
                    "adjust them afterwards."))

    class Meta:
        model = ResponsePolicy
        fields = ["commissioner", "name", "start_from", "preset", "citation", "rules", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A preset brings its own name and rules.
        self.fields["name"].required = False
        self.fields["rules"].required = False

    def clean(self):
        data = super().clean()
        key = data.get("start_from")
        if key:
            self.errors.pop("rules", None)
            data["preset"] = key
            data["rules"] = preset_rules(key)
            data["citation"] = str(PRESETS[key]["citation"])
            data["name"] = data.get("name") or str(PRESETS[key]["name"])
        elif not data.get("name"):
            self.add_error("name", _("Give the policy a name."))
        return data


@admin.register(ResponsePolicy)
class ResponsePolicyAdmin(admin.ModelAdmin):
    form = ResponsePolicyForm
    list_display = ["name", "commissioner", "preset", "is_active", "created_at"]
    list_filter = ["is_active", "preset", "commissioner"]

    def save_model(self, request, obj, form, change):
        key = form.cleaned_data.get("start_from")
        if key:
            obj.preset, obj.rules = key, preset_rules(key)
            obj.citation = str(PRESETS[key]["citation"])
        super().save_model(request, obj, form, change)


@admin.register(CaseAccess)
class CaseAccessAdmin(ReadOnlyAdmin):
    list_display = ["case", "user", "at", "what"]
    list_filter = ["what"]


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ["case", "kind", "due_at", "created_at"]
    list_filter = ["kind"]


@admin.register(Extension)
class ExtensionAdmin(ReadOnlyAdmin):
    list_display = ["case", "amount", "unit", "status", "requested_at", "decided_at"]
    list_filter = ["status"]


@admin.register(ClockPause)
class ClockPauseAdmin(ReadOnlyAdmin):
    list_display = ["case", "started_at", "ended_at", "end_reason"]


@admin.register(CallbackAttempt)
class CallbackAttemptAdmin(ReadOnlyAdmin):
    list_display = ["callback", "at", "result"]
    list_filter = ["result"]
