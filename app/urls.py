from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from app.core import health, views
from app.users.api.jwks import jwks

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("accounts/", include("allauth.urls")),
    # API clients sign in here for tokens (allauth headless, app client; on with JWT_PRIVATE_KEY).
    path("_allauth/", include("allauth.headless.urls")),
    path(".well-known/jwks.json", jwks, name="jwks"),
    path("tasks/", include("app.tasks.urls")),
    path("search/", include("app.search.urls")),
    path("api/v1/", include("app.api_v1")),
    path("admin/", admin.site.urls),
]

if "app.mailcatcher" in settings.INSTALLED_APPS:  # development only (app/settings/dev.py)
    urlpatterns.append(path("_dev/mail/", include("app.mailcatcher.urls")))

handler400 = "app.core.views.bad_request"
handler403 = "app.core.views.permission_denied"
handler404 = "app.core.views.not_found"
handler500 = "app.core.views.server_error"
