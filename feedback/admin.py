from django.contrib import admin

from .models import CallbackRequest, Case, CaseEvent, Message, OutboxEmail


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


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["reference", "service", "kind", "state", "urgent", "identity_mode",
                    "received_at", "respond_due_at"]
    list_filter = ["state", "kind", "urgent", "identity_mode", "commissioner", "provider"]
    search_fields = ["reference"]
    readonly_fields = ["reference", "receipt_hash", "submission_key", "policy", "received_at",
                       "acknowledge_due_at", "respond_due_at", "state"]
    raw_id_fields = ["submitter", "service"]
    inlines = [MessageInline, EventInline]

    def has_delete_permission(self, request, obj=None):
        return False  # cases carry the audit trail


@admin.register(CaseEvent)
class CaseEventAdmin(admin.ModelAdmin):
    list_display = ["case", "at", "actor_kind", "action", "from_state", "to_state"]
    list_filter = ["action", "actor_kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CallbackRequest)
class CallbackRequestAdmin(admin.ModelAdmin):
    list_display = ["case", "requested_at", "due_at", "status"]
    list_filter = ["status"]


@admin.register(OutboxEmail)
class OutboxEmailAdmin(admin.ModelAdmin):
    list_display = ["purpose", "to", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "purpose"]
    readonly_fields = ["case", "purpose", "to", "language", "subject", "body_text", "body_html",
                       "attempts", "last_error", "created_at", "sent_at"]
