from django.urls import path

from .views import provider

app_name = "provider"

case = "cases/<str:reference>/"

urlpatterns = [
    path("", provider.inbox, name="inbox"),
    path(case, provider.case_detail, name="case"),
    path(case + "acknowledge/", provider.case_acknowledge, name="acknowledge"),
    path(case + "reply/", provider.case_reply, name="reply"),
    path(case + "question/", provider.case_question, name="question"),
    path(case + "resume/", provider.case_resume, name="resume"),
    path(case + "note/", provider.case_note, name="note"),
    path(case + "assign/", provider.case_assign, name="assign"),
    path(case + "take/", provider.case_take, name="take"),
    path(case + "extension/", provider.case_extension, name="extension"),
    path(case + "extensions/<int:extension_id>/decide/", provider.extension_decide,
         name="extension_decide"),
    path(case + "outcome/", provider.case_outcome, name="outcome"),
    path(case + "resolve/", provider.case_resolve, name="resolve"),
    path(case + "callbacks/<int:callback_id>/attempts/", provider.callback_attempt,
         name="callback_attempt"),
]
