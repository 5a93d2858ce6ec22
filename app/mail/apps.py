from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "app.mail"
    label = "mail"
    verbose_name = "Mail"
