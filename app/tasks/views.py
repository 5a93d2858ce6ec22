"""Server-rendered task pages. Reads go through selectors, writes through services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST

from app.tasks import selectors, services
from app.tasks.cached_pages import owner_page, page_number
from app.tasks.caching import FRAGMENT_TTL, OWNER_TASKS, canonical_task_id
from app.tasks.filters import TaskFilter
from app.tasks.forms import TaskForm
from app.tasks.models import Task
from app.tasks.rows import task_rows
from app.tasks.turbo import invalid_status, saved_stream, wants_stream
from app.users.auth import request_user


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)

    def context() -> dict:
        # Built only if the template renders the form (not when it comes from the cache).
        filterset = SimpleLazyObject(lambda: TaskFilter(request.GET, queryset=Task.objects.none()))
        try:
            tasks = selectors.task_list(owner=user, filters=request.GET)
        except ValidationError:
            # The filter form shows what was wrong; list everything meanwhile.
            tasks = selectors.task_list(owner=user)
        # Rows show no description, often the longest field: not loaded (rows.py renders from
        # this).
        page = Paginator(tasks.defer("description"), 25).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return {
            "page": page,
            "rows": task_rows(list(page.object_list)),
            "filterset": filterset,
            "language": get_language(),
            "query": query.urlencode(),
            "summary_generation": OWNER_TASKS.current(user.pk),
            # A callable: the template calls it only when the cached fragment has expired.
            "summary": lambda: selectors.task_summary(owner=user),
            "fragment_ttl": FRAGMENT_TTL,
        }

    # Whole, from the cache, while none of the owner's tasks changed (cached_pages.py).
    number = page_number(request)
    which = None if number is None else (number,)
    return owner_page(request, user, "tasks/task_list.html", context, which)


@login_required
def task_detail(request: HttpRequest, task_id: str) -> HttpResponse:
    user = request_user(request)

    def context() -> dict:
        return {"task": selectors.task_get(owner=user, task_id=task_id)}  # 404: not stored

    # Whole, from the cache, while none of the owner's tasks changed (cached_pages.py).
    # Stored under the canonical id only: other spellings are rendered for their request alone.
    which = None if request.GET or task_id != canonical_task_id(task_id) else (task_id,)
    return owner_page(request, user, "tasks/task_detail.html", context, which)


@login_required
@require_http_methods(["GET", "POST"])
def task_create(request: HttpRequest) -> HttpResponse:
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        task = services.task_create(owner=request_user(request), **form.cleaned_data)
        if wants_stream(request):
            return saved_stream(request, task, "create", toast=f"Created “{task.title}”.")
        messages.success(request, f"Created “{task.title}”.")
        return redirect("tasks:detail", task_id=task.id)
    status = invalid_status(request) if request.method == "POST" else 200
    return render(request, "tasks/task_form.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, task_id: str) -> HttpResponse:
    task = selectors.task_get(owner=request_user(request), task_id=task_id)
    # Bind to a copy: a failed validation must not leave the instance half-changed.
    form = TaskForm(request.POST or None, instance=Task.objects.get(pk=task.pk))
    if request.method == "POST" and form.is_valid():
        task = services.task_update(task=task, data=form.cleaned_data)
        if wants_stream(request):
            return saved_stream(request, task, "update", toast="Saved.")
        messages.success(request, "Saved.")
        return redirect("tasks:detail", task_id=task.id)
    status = invalid_status(request) if request.method == "POST" else 200
    return render(request, "tasks/task_form.html", {"form": form, "task": task}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def task_delete(request: HttpRequest, task_id: str) -> HttpResponse:
    task = selectors.task_get(owner=request_user(request), task_id=task_id)
    if request.method == "POST":
        services.task_delete(task=task)
        messages.success(request, f"Deleted “{task.title}”.")
        return redirect("tasks:list")
    return render(request, "tasks/task_confirm_delete.html", {"task": task})


@login_required
@require_POST
def task_set_status(request: HttpRequest, task_id: str) -> HttpResponse:
    task = selectors.task_get(owner=request_user(request), task_id=task_id)
    status = request.POST.get("status", "")
    if status not in Task.Status.values:
        messages.error(request, f"Unknown status: {status!r}.")
    else:
        task = services.task_update(task=task, data={"status": status})
        if wants_stream(request):
            return saved_stream(request, task, "update")
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("tasks:list")
