"""A small stateful fake of GitHub's REST and GraphQL, on an httpx transport or on loopback.

Only what the action uses: issue comments (authors, pagination), commits/{sha}/pulls, refs,
raw contents and the createCommitOnBranch mutation with its expectedHeadOid check.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import itertools
import json
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import httpx

REPO = "acme/ads"
API = "https://api.github.test"
TOKEN = "ghs_fAkEtOkEn0123456789abcdefABCDEF"
BOT = "github-actions[bot]"


@dataclass
class Comment:
    id: int
    issue: int
    user: str
    body: str


@dataclass
class FakeGitHub:
    api: str = API
    token: str = TOKEN
    #: Who the token comments as.
    login: str = BOT
    page_size: int = 100
    #: Comment writes answer 403 (a fork's read-only token).
    read_only: bool = False
    trees: dict[str, dict[str, str]] = field(default_factory=dict)
    parents: dict[str, str | None] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)
    branches: dict[str, str] = field(default_factory=dict)
    pulls: dict[int, dict[str, Any]] = field(default_factory=dict)
    commit_pulls: dict[str, list[int]] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    #: Called once per createCommitOnBranch before the head check (a concurrent push).
    before_commit: Callable[[], None] | None = None
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1001))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def graphql_url(self) -> str:
        return f"{self.api}/graphql"

    # -- helpers for tests ---------------------------------------------------------------------

    def push(self, branch: str, files: dict[str, str | None], message: str = "change") -> str:
        parent = self.branches.get(branch)
        tree = dict(self.trees.get(parent, {})) if parent else {}
        for path, text in files.items():
            if text is None:
                tree.pop(path, None)
            else:
                tree[path] = text
        oid = hashlib.sha1(f"{parent}{message}{sorted(tree.items())}".encode()).hexdigest()
        self.trees[oid], self.parents[oid], self.messages[oid] = tree, parent, message
        self.branches[branch] = oid
        return oid

    def open_pull(self, number: int, *, fork: bool = False) -> dict[str, Any]:
        head_repo = "mallory/ads" if fork else REPO
        pr = {
            "number": number,
            "html_url": f"https://github.com/{REPO}/pull/{number}",
            "merged_at": None,
            "merge_commit_sha": None,
            "base": {"ref": "main", "repo": {"full_name": REPO}},
            "head": {"sha": f"{number:040x}", "repo": {"full_name": head_repo}},
        }
        self.pulls[number] = pr
        return pr

    def merge(self, number: int, files: dict[str, str | None] | None = None) -> str:
        oid = self.push("main", files or {"creatives/ads.yaml": f"merged #{number}"}, f"#{number}")
        self.pulls[number].update(merged_at="2030-01-01T00:00:00Z", merge_commit_sha=oid)
        self.commit_pulls.setdefault(oid, []).append(number)
        return oid

    def add_comment(self, issue: int, user: str, body: str) -> Comment:
        made = Comment(next(self._ids), issue, user, body)
        self.comments.append(made)
        return made

    def comments_on(self, issue: int) -> list[Comment]:
        return [c for c in self.comments if c.issue == issue]

    def count(self, method: str, pattern: str) -> int:
        return sum(1 for m, p in self.requests if m == method and re.search(pattern, p))

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    # -- the server side -----------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            return self._handle(request)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if not url.startswith(self.api + "/"):
            return _error(404, f"not this host: {url}")
        path = unquote(request.url.path[len(urlsplit(self.api).path) :])
        self.requests.append((request.method, path))
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return _error(401, "Bad credentials")
        query = {k: v[0] for k, v in parse_qs(request.url.query.decode()).items()}
        body = json.loads(request.content) if request.content else None
        if path == "/graphql" and request.method == "POST":
            return self._graphql(body)
        routes: list[tuple[str, str, Callable[..., httpx.Response]]] = [
            ("GET", r"/repos/([^/]+/[^/]+)/issues/(\d+)/comments", self._list),
            ("POST", r"/repos/([^/]+/[^/]+)/issues/(\d+)/comments", self._create),
            ("PATCH", r"/repos/([^/]+/[^/]+)/issues/comments/(\d+)", self._edit),
            ("GET", r"/repos/([^/]+/[^/]+)/commits/([0-9a-f]+)/pulls", self._pulls),
            ("GET", r"/repos/([^/]+/[^/]+)/git/ref/heads/(.+)", self._ref),
            ("GET", r"/repos/([^/]+/[^/]+)/contents/(.+)", self._contents),
            ("GET", r"/repos/([^/]+/[^/]+)()", self._repository),
        ]
        for method, pattern, route in routes:
            match = re.fullmatch(pattern, path)
            if match and method == request.method:
                if match.group(1) != REPO:
                    return _error(404, "Not Found")
                return route(match.group(2), query=query, body=body, request=request)
        return _error(404, "Not Found")

    def _view(self, c: Comment) -> dict[str, Any]:
        url = f"https://github.com/{REPO}/pull/{c.issue}#issuecomment-{c.id}"
        return {"id": c.id, "user": {"login": c.user}, "body": c.body, "html_url": url}

    def _list(self, issue: str, *, query: dict[str, str], **_: Any) -> httpx.Response:
        size = min(int(query.get("per_page", "30")), self.page_size)
        page = int(query.get("page", "1"))
        found = self.comments_on(int(issue))
        items = found[(page - 1) * size : page * size]
        headers = {}
        if page * size < len(found):
            link = (
                f"{self.api}/repos/{REPO}/issues/{issue}/comments?per_page={size}&page={page + 1}"
            )
            headers["Link"] = f'<{link}>; rel="next"'
        return httpx.Response(200, json=[self._view(c) for c in items], headers=headers)

    def _create(self, issue: str, *, body: dict[str, Any], **_: Any) -> httpx.Response:
        if self.read_only:
            return _error(403, "Resource not accessible by integration")
        return httpx.Response(
            201, json=self._view(self.add_comment(int(issue), self.login, body["body"]))
        )

    def _edit(self, comment_id: str, *, body: dict[str, Any], **_: Any) -> httpx.Response:
        found = [c for c in self.comments if c.id == int(comment_id)]
        if self.read_only or not found or found[0].user != self.login:
            return _error(403, "Resource not accessible by integration")
        found[0].body = body["body"]
        return httpx.Response(200, json=self._view(found[0]))

    def _pulls(self, sha: str, **_: Any) -> httpx.Response:
        return httpx.Response(200, json=[self.pulls[n] for n in self.commit_pulls.get(sha, [])])

    def _repository(self, _: str, **__: Any) -> httpx.Response:
        return httpx.Response(200, json={"full_name": REPO, "default_branch": "main"})

    def _ref(self, branch: str, **_: Any) -> httpx.Response:
        if branch not in self.branches:
            return _error(404, "Not Found")
        return httpx.Response(
            200, json={"ref": f"refs/heads/{branch}", "object": {"sha": self.branches[branch]}}
        )

    def _contents(
        self, path: str, *, query: dict[str, str], request: httpx.Request, **_: Any
    ) -> httpx.Response:
        ref = query.get("ref", "")
        tree = self.trees.get(self.branches.get(ref, ref))
        if "raw" not in request.headers.get("accept", ""):
            return _error(415, "this fake only answers raw contents")
        if tree is None or path not in tree:
            return _error(404, "Not Found")
        return httpx.Response(200, text=tree[path])

    def _graphql(self, body: dict[str, Any]) -> httpx.Response:
        if "createCommitOnBranch" not in body["query"]:
            return httpx.Response(200, json={"errors": [{"message": "unknown query"}]})
        if self.before_commit is not None:
            hook, self.before_commit = self.before_commit, None
            hook()
        given = body["variables"]["input"]
        branch = given["branch"]
        if branch["repositoryNameWithOwner"] != REPO or branch["branchName"] not in self.branches:
            return httpx.Response(
                200, json={"errors": [{"type": "NOT_FOUND", "message": "no branch"}]}
            )
        head = self.branches[branch["branchName"]]
        if given["expectedHeadOid"] != head:
            expected = given["expectedHeadOid"]
            message = (
                f'Expected branch to point to "{expected}" but it did not. Pull and try again.'
            )
            return httpx.Response(
                200,
                json={
                    "data": {"createCommitOnBranch": None},
                    "errors": [{"type": "STALE_DATA", "message": message}],
                },
            )
        files = {
            a["path"]: base64.b64decode(a["contents"]).decode("utf-8")
            for a in given["fileChanges"].get("additions", [])
        }
        oid = self.push(branch["branchName"], files, given["message"]["headline"])
        return httpx.Response(
            200,
            json={
                "data": {
                    "createCommitOnBranch": {
                        "commit": {"oid": oid, "url": f"https://github.com/{REPO}/commit/{oid}"}
                    }
                }
            },
        )


def _error(status: int, message: str) -> httpx.Response:
    return httpx.Response(status, json={"message": message})


@contextlib.contextmanager
def serve(fake: FakeGitHub) -> Iterator[FakeGitHub]:
    """The fake on a real socket (127.0.0.1), for subprocesses; `fake.api` points at it."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self) -> None:
            size = int(self.headers.get("Content-Length") or 0)
            content = self.rfile.read(size) if size else b""
            request = httpx.Request(
                self.command,
                fake.api + self.path,
                headers=dict(self.headers.items()),
                content=content,
            )
            response = fake.handle(request)
            data = response.content
            self.send_response(response.status_code)
            for name, value in response.headers.items():
                if name.lower() not in ("content-length", "transfer-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = _any

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.api = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# -- the fake behaves like GitHub where the action depends on it --------------------------------


def client(fake: FakeGitHub) -> httpx.Client:
    return httpx.Client(
        transport=fake.transport(), headers={"Authorization": f"Bearer {fake.token}"}
    )


def test_comments_are_paginated_with_a_link_header():
    fake = FakeGitHub(page_size=2)
    for i in range(3):
        fake.add_comment(7, "someone", f"c{i}")
    with client(fake) as http:
        first = http.get(f"{API}/repos/{REPO}/issues/7/comments", params={"per_page": "100"})
        assert [c["body"] for c in first.json()] == ["c0", "c1"]
        nxt = re.search(r"<([^>]+)>", first.headers["link"]).group(1)
        second = http.get(nxt)
    assert [c["body"] for c in second.json()] == ["c2"]
    assert "link" not in second.headers


def test_commit_on_branch_checks_the_expected_head():
    fake = FakeGitHub()
    base = fake.push("main", {"README.md": "hi"})
    query = "mutation { createCommitOnBranch }"

    def commit(head: str) -> dict[str, Any]:
        variables = {
            "input": {
                "branch": {"repositoryNameWithOwner": REPO, "branchName": "main"},
                "expectedHeadOid": head,
                "message": {"headline": "x"},
                "fileChanges": {
                    "additions": [{"path": "s.json", "contents": base64.b64encode(b"{}").decode()}]
                },
            }
        }
        with client(fake) as http:
            return http.post(
                f"{API}/graphql", json={"query": query, "variables": variables}
            ).json()

    made = commit(base)["data"]["createCommitOnBranch"]["commit"]["oid"]
    assert fake.parents[made] == base
    assert fake.trees[made] == {"README.md": "hi", "s.json": "{}"}
    stale = commit(base)
    assert stale["errors"][0]["message"].startswith('Expected branch to point to "')
    assert fake.branches["main"] == made


def test_only_the_author_may_edit_a_comment_and_the_token_is_required():
    fake = FakeGitHub()
    theirs = fake.add_comment(7, "mallory", "hello")
    with client(fake) as http:
        denied = http.patch(f"{API}/repos/{REPO}/issues/comments/{theirs.id}", json={"body": "x"})
    assert denied.status_code == 403
    with httpx.Client(transport=fake.transport()) as anonymous:
        assert anonymous.get(f"{API}/repos/{REPO}/issues/7/comments").status_code == 401
