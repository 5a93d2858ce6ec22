from django.urls import path

from app.search import views

app_name = "search"
urlpatterns = [path("", views.search, name="page")]
