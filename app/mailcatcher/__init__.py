"""Development only: a local SMTP server that keeps every mail it receives, and an inbox page.

`python3 quickstart.py` starts the catcher (`manage.py mailcatcher`) beside the app and points
EMAIL_URL at it; the inbox is at /_dev/mail/. dev.py installs this app only while DEBUG is on and
production never does, so removing it is deleting this folder and its two lines in dev.py.
"""
