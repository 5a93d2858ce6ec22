"""The site's URLs plus a failing view and one that runs a Celery task, for the tests that
follow a request id into Sentry events and spans."""

from django.http import HttpResponse
from django.urls import path

from app.core.celery_tasks import ping
from tests.core.boom_urls import urlpatterns as boom_urlpatterns


def run_task(request):
    return HttpResponse(ping.delay().get())


urlpatterns = [path("run-task/", run_task), *boom_urlpatterns]
