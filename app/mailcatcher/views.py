"""The inbox pages: every caught mail, newest first, and one mail with its links clickable."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from app.mailcatcher import inbox


def mail_list(request: HttpRequest) -> HttpResponse:
    mails = inbox.newest_first(inbox.directory())
    return render(request, "mailcatcher/inbox.html", {"mails": mails})


def mail_detail(request: HttpRequest, key: str) -> HttpResponse:
    mail = inbox.one(inbox.directory(), key)
    if mail is None:
        raise Http404("No such mail in the catcher.")
    return render(request, "mailcatcher/mail.html", {"mail": mail})
