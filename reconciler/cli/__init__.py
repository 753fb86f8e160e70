"""The `creatives` command: parse, build collaborators, run, map errors to exit codes."""

from __future__ import annotations

import logging
import sys
import traceback
from typing import NoReturn

import click

from reconciler import __version__
from reconciler.cli.context import Settings
from reconciler.errors import EXIT_ERROR, EXIT_INTERRUPTED, ReconcilerError
from reconciler.redact import RedactingFilter, redact


class _Creatives(click.Group):
    """Turns our errors and the exit codes commands return into exits, wherever it runs.

    Doing it here (not only in `main`) gives click's test runner the same behaviour as
    the installed command.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            result = super().invoke(ctx)
        except ReconcilerError as exc:
            if isinstance(ctx.obj, Settings) and ctx.obj.debug:
                click.echo(redact(traceback.format_exc()), err=True)
            click.echo(redact(f"Error: {exc.render()}"), err=True)
            ctx.exit(exc.exit_code)
        if isinstance(result, int) and result:
            ctx.exit(result)
        return result


@click.group(
    cls=_Creatives,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 99},
)
@click.version_option(__version__, "--version", prog_name="creatives")
@click.option("--debug", is_flag=True, envvar="CREATIVES_DEBUG", help="Log details, tracebacks.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the output (default: on a terminal unless NO_COLOR is set).",
)
@click.pass_context
def cli(ctx: click.Context, debug: bool, color: bool | None) -> None:
    """Creatives as code: plan and apply Videotok generations from YAML manifests."""
    ctx.obj = Settings.build(debug=debug, color=color)
    if debug:
        handler = logging.StreamHandler(sys.stderr)
        handler.addFilter(RedactingFilter())
        handler.setFormatter(logging.Formatter("debug: %(name)s: %(message)s"))
        root = logging.getLogger("reconciler")
        root.addHandler(handler)
        root.setLevel(logging.DEBUG)


def _register_commands() -> None:
    # Each area of the command line lives in its own module; they register here.
    from reconciler.cli import (
        apply_cmd,
        catalog_cmd,
        github_cmd,
        plan_cmd,
        sandbox_cmd,
        state_cmd,
        validate_cmd,
    )

    cli.add_command(validate_cmd.validate)
    cli.add_command(plan_cmd.plan)
    cli.add_command(apply_cmd.apply)
    cli.add_command(apply_cmd.status)
    cli.add_command(state_cmd.state)
    cli.add_command(state_cmd.force_unlock)
    cli.add_command(catalog_cmd.catalog_group)
    cli.add_command(sandbox_cmd.sandbox)
    cli.add_command(github_cmd.github)


_register_commands()


def _fail(message: str, code: int) -> NoReturn:
    click.echo(redact(message), err=True)
    sys.exit(code)


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the CLI; the one place that turns errors into messages and exit codes."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        code = cli.main(args=argv, prog_name="creatives", standalone_mode=False)
    except click.exceptions.Abort:
        _fail("Interrupted.", EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _fail("Interrupted.", EXIT_INTERRUPTED)
    except ReconcilerError as exc:
        if debug:
            traceback.print_exc()
        _fail(f"Error: {exc.render()}", exc.exit_code)
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug of ours: say so plainly, details only with --debug
        if debug:
            click.echo(redact(traceback.format_exc()), err=True)
        _fail(
            f"Error: internal error ({type(exc).__name__}). This is a bug in creatives; "
            "run again with --debug for details and report it.",
            EXIT_ERROR,
        )
    sys.exit(code if isinstance(code, int) else 0)
