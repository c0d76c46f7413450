from django.urls import path

from .views import public

app_name = "feedback"

urlpatterns = [
    path("", public.home, name="home"),
    path("services/", public.service_directory, name="services"),
    path("services/<slug:slug>/", public.service_detail, name="service"),
    path("feedback/new/", public.feedback_new, name="new"),
    path("feedback/sent/<str:reference>/", public.feedback_sent, name="sent"),
    path("feedback/sent/<str:reference>/receipt.txt", public.receipt_download, name="receipt"),
    path("track/", public.track, name="track"),
    path("track/leave/", public.track_leave, name="track_leave"),
    path("track/<str:reference>/", public.track_case, name="track_case"),
    path("track/<str:reference>/reply/", public.track_reply, name="track_reply"),
    path("track/<str:reference>/callback/", public.track_callback, name="track_callback"),
    path("track/<str:reference>/escalate/", public.track_escalate, name="track_escalate"),
    path("my-feedback/", public.my_feedback, name="my_feedback"),
]
