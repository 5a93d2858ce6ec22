"""Outgoing mail: every message is queued to Celery after the commit and sent, with retries, by
the backend EMAIL_URL configures (app/settings/parts/email.py). docs/adr/0004-mail-through-celery.md
"""
