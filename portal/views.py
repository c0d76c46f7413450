"""Error pages that speak plainly and offer a way on."""

from django.shortcuts import render


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)


def forbidden(request, exception=None):
    return render(request, "errors/403.html", status=403)


def too_many_requests(request, exception=None):
    # allauth's sign-up, sign-in and password reset limits answer with this page.
    return render(request, "errors/429.html", status=429)
