from django.apps import AppConfig


class MailcatcherConfig(AppConfig):
    name = "app.mailcatcher"
    label = "mailcatcher"
    verbose_name = "Mail catcher (development)"
