"""`creatives catalog pull | show`: the templates, models, assets and prices of the workspace."""

from __future__ import annotations

from pathlib import Path

import click

from reconciler import catalog
from reconciler.cli.common import ApiAccess, api_options, open_client
from reconciler.errors import CatalogError
from reconciler.render.catalog import render_catalog


@click.group("catalog")
def catalog_group() -> None:
    """Fetch or show the catalog used for validation and credit estimates."""


@catalog_group.command()
@click.option(
    "--file",
    "path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=catalog.CATALOG_PATH,
    show_default=True,
)
@api_options
def pull(path: Path, api_url: str, api_key_file: Path | None, use_sandbox: bool) -> None:
    """Fetch GET /models and GET /assets into the catalog file (commit it)."""
    access = ApiAccess(api_url, api_key_file, use_sandbox)
    with open_client(access) as client:
        models = client.list_models()
        assets = client.list_assets()
    parsed = catalog.parse(models, assets)
    source = "sandbox" if use_sandbox else api_url
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(catalog.dumps(parsed, source=source), encoding="utf-8")
    except OSError as exc:
        raise CatalogError(f"cannot write the catalog {path}: {exc.strerror}") from exc
    click.echo(f"Saved the catalog to {path}: {describe(parsed)}.")


@catalog_group.command()
@click.option(
    "--file",
    "path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=catalog.CATALOG_PATH,
    show_default=True,
)
def show(path: Path) -> None:
    """Show what the catalog file offers, with prices."""
    found = catalog.load(path)
    if found is None:
        raise CatalogError(
            f"no catalog at {path}", hint="Run `creatives catalog pull` (or add --sandbox)."
        )
    click.echo(render_catalog(found), nl=False)


def describe(found: catalog.Catalog) -> str:
    templates = sum(len(t) for t in found.templates.values())
    variants = sum(len(v) for v in found.models.values())
    return (
        f"{templates} templates, {len(found.models)} AI models ({variants} variants), "
        f"{len(found.presets)} presets, {len(found.brand_kits)} brand kits, "
        f"{len(found.avatars)} avatars"
    )
