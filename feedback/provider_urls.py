from django.urls import path

from .views import provider
from .vocabulary import Action

app_name = "provider"

case = "cases/<str:reference>/"

# Each action's URL segment and name is its Action value, as in the case policy and the forms.
ACTION_VIEWS = {
    Action.ACKNOWLEDGE: provider.case_acknowledge,
    Action.REPLY: provider.case_reply,
    Action.QUESTION: provider.case_question,
    Action.RESUME: provider.case_resume,
    Action.NOTE: provider.case_note,
    Action.ASSIGN: provider.case_assign,
    Action.TAKE: provider.case_take,
    Action.EXTEND: provider.case_extend,
    Action.OUTCOME: provider.case_outcome,
    Action.RESOLVE: provider.case_resolve,
    Action.REOPEN: provider.case_reopen,
}

urlpatterns = [
    path("", provider.inbox, name="inbox"),
    path(case, provider.case_detail, name="case"),
    *[path(f"{case}{action.value}/", view, name=action.value)
      for action, view in ACTION_VIEWS.items()],
    path(case + "extensions/<int:extension_id>/decide/", provider.decide_extension,
         name=Action.DECIDE_EXTENSION.value),
    path(case + "callbacks/<int:callback_id>/attempts/", provider.callback_attempt,
         name=Action.CALLBACK_ATTEMPT.value),
]
