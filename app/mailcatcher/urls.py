from django.urls import path

from app.mailcatcher import views

app_name = "mailcatcher"
urlpatterns = [
    path("", views.mail_list, name="list"),
    path("<str:key>/", views.mail_detail, name="detail"),
]
