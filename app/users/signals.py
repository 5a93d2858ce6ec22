"""Keeps the cached signed-in user (app/users/backends.py) in step with its row."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from app.users.backends import forget_user
from app.users.models import User


@receiver(post_save, sender=User)
@receiver(post_delete, sender=User)
def forget_changed_user(sender: type[User], instance: User, **kwargs: Any) -> None:
    # Now, so this request's own next read sees the change, and again after the commit, so a
    # request that re-cached the old row meanwhile (it could not see the uncommitted write)
    # does not keep it. QuerySet.update() sends no signal: call forget_user() after one.
    user_id = instance.pk  # read now: a delete clears instance.pk before the commit
    forget_user(user_id)
    transaction.on_commit(lambda: forget_user(user_id), using=kwargs.get("using"))
