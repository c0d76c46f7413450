from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ClosureDay, Commissioner, Membership, Provider, Service, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "language", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["full_name", "language"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups",
                                       "user_permissions"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"],
                             "fields": ["email", "full_name", "password1", "password2"]})]
    inlines = [MembershipInline]


class ClosureDayInline(admin.TabularInline):
    model = ClosureDay
    extra = 0


@admin.register(Commissioner)
class CommissionerAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "subdivision", "timezone", "work_start", "work_end"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ClosureDayInline, MembershipInline]


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    filter_horizontal = ["commissioners"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "provider", "commissioner", "area", "is_active"]
    list_filter = ["is_active", "commissioner", "provider"]
    search_fields = ["name", "name_fr", "provider__name", "area"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "provider", "commissioner"]
    list_filter = ["role"]
    search_fields = ["user__email", "provider__name", "commissioner__name"]
    autocomplete_fields = ["user", "provider", "commissioner"]
