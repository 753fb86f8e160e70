"""`creatives validate`: check manifests offline, report every problem, exit 1 if any."""

from __future__ import annotations

import os
from pathlib import Path

import click

from reconciler import catalog, manifest
from reconciler.errors import EXIT_ERROR
from reconciler.render import diagnostics as render


def no_catalog_note(path: Path) -> str:
    return (
        f"Only the shape was checked: no catalog at {path.as_posix()} "
        "(run `creatives catalog pull`)."
    )


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: problems on stderr; json: one report on stdout.",
)
@click.option(
    "--catalog",
    "catalog_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=catalog.CATALOG_PATH,
    show_default=True,
    help="Catalog for template, model, asset and duration checks.",
)
@click.pass_context
def validate(ctx: click.Context, paths: tuple[Path, ...], output: str, catalog_path: Path) -> None:
    """Check manifests (default: creatives/) without touching the network.

    Every problem of every file is reported, as file:line:col, the path in the document,
    and what to do. Exit 0 when all are valid, 1 otherwise.
    """
    root = Path.cwd()
    report = manifest.check(list(paths), root=root)
    problems = report.diagnostics
    found = catalog.load(catalog_path)
    if found is None:
        click.echo(no_catalog_note(catalog_path), err=True)
    else:
        locate = manifest.FieldLocator(report.desired.sources)
        found_problems = catalog.check(report.desired.creatives, found, locate)
        problems = tuple(sorted((*problems, *found_problems)))
    files, creatives = len(report.desired.files), len(report.desired.creatives)
    if output == "json":
        click.echo(render.render_json(problems, files=files, creatives=creatives))
    elif problems:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            click.echo(render.render_github(problems))
        click.echo(render.render_text(problems), err=True)
    else:
        click.echo(render.valid_line(creatives, files))
    if problems:
        ctx.exit(EXIT_ERROR)
