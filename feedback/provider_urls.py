from django.urls import path

from .views import provider

app_name = "provider"

urlpatterns = [
    path("", provider.inbox, name="inbox"),
    path("cases/<str:reference>/", provider.case_detail, name="case"),
]
