"""How a model opts in: `search = Searchable(fields={"title": 2.0, "description": 1.0}, ...)`.

The declaration is data only; backends read it to build their index and triggers. Weights
multiply a field's term frequency (FTS5's column weights; BM25F-style on the other backends),
so a word in a title weighs like two in a description while document length stays unweighted.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import models

REGISTRY: dict[str, "SearchSpec"] = {}


@dataclass
class SearchSpec:
    fields: dict[str, float]
    scope: str | None = None  # FK whose id every search is restricted to (e.g. "owner")
    filters: tuple[str, ...] = ()  # extra exact-match filters callers may pass (e.g. "status")
    summary: tuple[str, ...] = ()  # fields the API returns as the object's summary
    model: Any = None
    name: str = ""

    @property
    def soft_delete(self) -> str | None:
        """A column whose non-null value hides a row (SoftDeleteModel's deleted_at), if any.
        Looked up lazily: inherited fields do not exist yet while the class body is built."""
        names = {f.name for f in self.model._meta.concrete_fields}
        return self.column("deleted_at") if "deleted_at" in names else None

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    def column(self, field_name: str) -> str:
        return self.model._meta.get_field(field_name).column

    @property
    def scope_column(self) -> str | None:
        return self.column(self.scope) if self.scope else None

    @property
    def pk_column(self) -> str:
        return self.model._meta.pk.column

    @property
    def weights(self) -> list[float]:
        return list(self.fields.values())

    @property
    def slug(self) -> str:
        """A safe identifier fragment for generated SQL object names."""
        return self.name.replace(".", "_")


@dataclass
class Searchable:
    fields: dict[str, float]
    scope: str | None = None
    filters: tuple[str, ...] = ()
    summary: tuple[str, ...] = field(default_factory=tuple)

    def contribute_to_class(self, cls: type[models.Model], name: str) -> None:
        if cls._meta.abstract:
            return
        spec = SearchSpec(
            fields=dict(self.fields),
            scope=self.scope,
            filters=tuple(self.filters),
            summary=tuple(self.summary) or tuple(self.fields),
            model=cls,
            name=cls._meta.label_lower,
        )
        REGISTRY[spec.name] = spec
        setattr(cls, name, _SearchDescriptor(spec))


class _SearchDescriptor:
    def __init__(self, spec: SearchSpec) -> None:
        self.spec = spec

    def __get__(self, instance: Any, owner: type) -> Any:
        if instance is not None:
            raise AttributeError("search is available on the model class, not on instances")
        from app.search.manager import SearchManager

        return SearchManager(self.spec)
