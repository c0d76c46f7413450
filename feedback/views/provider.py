"""Provider staff pages: the inbox and the case page. (Being built: see the provider issue.)"""

from django.http import Http404


def inbox(request):
    raise Http404


def case_detail(request, reference):
    raise Http404
