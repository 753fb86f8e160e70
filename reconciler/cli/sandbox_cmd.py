"""`creatives sandbox`: run the local Videotok-compatible server."""

from __future__ import annotations

import click


@click.command()
def sandbox() -> None:
    """Run the local Videotok-compatible sandbox server."""
    raise click.ClickException("not built yet")
