"""Load-test data: N verified users, each with a to-do list whose words follow a Zipf law.

    manage.py seed_loadtest --users 40 --tasks-per-user 250 --password ...

Deterministic (seeded), idempotent (a user who already has enough tasks is left alone), fast
(one password hash for all users, bulk inserts). The Zipf law gives every user's list both very
common and very rare words, which the search load test draws its queries from.
"""

import json
import random
from importlib import import_module
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction

from app.tasks.models import Task
from app.users.backends import forget_user
from app.users.models import User

WORDS = """
invoice client report meeting review deploy release budget plan schedule design draft update
backup server database migration customer support ticket email call follow prepare send check
verify test build fix bug feature roadmap quarter team hire onboarding training document contract
renewal payment vendor order shipment inventory audit compliance security patch certificate
password policy access account login dashboard metrics analytics survey feedback marketing
campaign newsletter website landing copy translation legal review agenda minutes offsite travel
hotel flight booking expense receipt reimbursement payroll benefits insurance office lease
furniture laptop monitor keyboard license subscription renewal cancel upgrade cluster node
kubernetes container image registry pipeline staging production rollback incident postmortem
outage alert oncall rotation escalation latency throughput capacity cache index query search
ranking relevance snippet highlight cursor pagination export import sync webhook integration
partner api token scope rotate secret vault encryption audit retention archive purge cleanup
refactor lint coverage benchmark profile memory leak crash regression mobile android ios tablet
browser accessibility contrast font layout responsive theme icon logo brand style guide
illustration photo video podcast webinar conference keynote speaker sponsor booth badge lanyard
swag catering venue parking shuttle visa passport itinerary warehouse forklift pallet barcode
scanner label courier customs tariff invoice freight harvest orchard greenhouse irrigation compost
seedling tractor fertilizer pruning trellis telescope nebula quasar pulsar spectrograph aperture
eyepiece observatory meteor comet violin cello sonata overture libretto conductor rehearsal
orchestra quartet tremolo saffron cardamom turmeric paprika nutmeg cinnamon clove anise fennel
coriander sumac glacier fjord moraine crevasse tundra permafrost avalanche cornice serac
bergschrund
""".split()  # noqa: SIM905  (a word list reads best as text)


def zipf_words(rng: random.Random, vocabulary: list[str], weights: list[float], n: int) -> str:
    return " ".join(rng.choices(vocabulary, weights, k=n))


def session_for(user: User) -> str:
    """A signed-in session, as django.contrib.auth.login() leaves one."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return str(session.session_key)


class Command(BaseCommand):
    help = "Create verified load-test users with Zipf-distributed to-do lists (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=10)
        parser.add_argument("--tasks-per-user", type=int, default=100)
        parser.add_argument("--password", required=True)
        parser.add_argument("--prefix", default="loadtest")
        parser.add_argument("--seed", type=int, default=4)
        parser.add_argument(
            "--sessions-out",
            help="also sign in: write this many signed-in session keys (N:path) as JSON, round "
            "robin over the users — load-test users start signed in, as returning users do",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="delete these users' tasks first, so every run starts from the same corpus",
        )

    @transaction.atomic
    def handle(
        self,
        *args,
        users: int,
        tasks_per_user: int,
        password: str,
        prefix: str,
        seed: int,
        reset: bool,
        sessions_out: str | None,
        **options,
    ):
        vocabulary = list(dict.fromkeys(WORDS))
        random.Random(seed).shuffle(vocabulary)
        weights = [1 / (rank + 1) ** 1.07 for rank in range(len(vocabulary))]
        hashed = make_password(password)
        accounts = User.objects.filter(
            email__startswith=f"{prefix}-", email__endswith="@example.com"
        )
        accounts.update(password=hashed)
        for user_id in accounts.values_list("pk", flat=True):
            forget_user(user_id)  # update() sends no signal; a cached user has the old hash
        if reset:
            Task.all_objects.filter(owner__in=accounts).hard_delete()
        created_tasks = 0
        for i in range(users):
            email = f"{prefix}-{i}@example.com"
            user, _ = User.objects.get_or_create(
                email=email, defaults={"username": f"{prefix}-{i}", "password": hashed}
            )
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            have = Task.all_objects.filter(owner=user).count()
            rng = random.Random(f"{seed}:{i}")
            batch = []
            for _ in range(have, tasks_per_user):
                batch.append(
                    Task(
                        owner=user,
                        title=zipf_words(rng, vocabulary, weights, rng.randint(3, 8)).capitalize(),
                        description=zipf_words(rng, vocabulary, weights, rng.randint(10, 40)),
                        status=rng.choice(["todo", "todo", "in_progress", "done"]),
                        priority=rng.randint(1, 4),
                    )
                )
            Task.objects.bulk_create(batch, batch_size=1000)
            created_tasks += len(batch)
        if sessions_out:
            count, _, path = sessions_out.partition(":")
            emails = [f"{prefix}-{i}@example.com" for i in range(users)]
            signed_in = sorted(User.objects.filter(email__in=emails), key=lambda u: u.email)
            keys = [session_for(signed_in[i % len(signed_in)]) for i in range(int(count))]
            Path(path).write_text(json.dumps(keys))
        self.stdout.write(
            self.style.SUCCESS(
                f"{users} load-test users ({prefix}-0..{users - 1}@example.com), "
                f"{tasks_per_user} tasks each ({created_tasks} created now)."
            )
        )
