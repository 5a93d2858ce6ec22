"""The site's URLs plus one view that fails, to prove how failures reach users."""

from django.urls import path

from app.urls import handler404, handler500  # noqa: F401
from app.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("secret internal detail")


urlpatterns = [path("boom/", boom), *site_urlpatterns]
