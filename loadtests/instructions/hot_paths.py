"""The hot paths the gate counts, by the names budgets.toml uses, and the request each one is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HotPath:
    name: str
    label: str  # what the table shows

    def target(self, fixture: dict[str, str]) -> tuple[str, str]:
        """(PATH_INFO, QUERY_STRING) of this path's request, from prepare.py's fixture."""
        if self.name == "api_detail_cached":
            return f"/api/v1/tasks/{fixture['task_id']}", ""
        if self.name == "api_list":
            return "/api/v1/tasks/", ""
        if self.name == "tasks_page":
            return "/tasks/", ""
        return "/api/v1/search", f"q={fixture['query']}"


HOT_PATHS = {
    p.name: p
    for p in (
        HotPath("api_detail_cached", "GET /api/v1/tasks/<id> (cache hit)"),
        HotPath("api_list", "GET /api/v1/tasks/"),
        HotPath("tasks_page", "GET /tasks/"),
        HotPath("search", "GET /api/v1/search?q=<2 words>"),
    )
}
