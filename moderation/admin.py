from django.contrib import admin

from .models import ScreeningTerm
from .selectors import screening_terms_forget


@admin.register(ScreeningTerm)
class ScreeningTermAdmin(admin.ModelAdmin):
    list_display = ["phrase", "kind", "language", "commissioner", "created_at"]
    list_filter = ["kind", "language", "commissioner"]
    search_fields = ["phrase"]
    fields = ["kind", "phrase", "language", "commissioner"]

    # Screening reads the terms through a cache; a change here is seen at once, not in minutes.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        screening_terms_forget()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        screening_terms_forget()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        screening_terms_forget()
