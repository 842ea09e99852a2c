"""Contract test: the running server against the OpenAPI document it serves at /api/v1/openapi.json.

Every operation gets at least one valid request; each request and response is validated against the
document with openapi-core (undocumented properties count as errors). A few invalid requests check
that errors come back as documented RFC 9457 problems. The routes in routes.swift and the
operations in the document must be the same set.

Run:  python3 -m pytest e2e/api/test_openapi_contract.py -v     (needs pytest, requests, openapi-core)
      SWITCHBOARD_BIN=… picks the binary; SWITCHBOARD_TEST_POSTGRES_URL=postgres://… also runs it on PostgreSQL.
"""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

import pytest
import requests
from openapi_core import Config, OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse
from openapi_core.exceptions import OpenAPIError
from openapi_spec_validator import validate as validate_spec

ROUTES_SWIFT = Path(__file__).resolve().parents[2] / "Sources" / "SwitchboardApp" / "routes.swift"
API_PREFIX = "/api/v1"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


# --------------------------------------------------------------------------------------------- helpers


def explain(error: BaseException) -> str:
    """openapi-core's message plus the JSON Schema errors underneath it."""
    def short(text: str, limit: int = 400) -> str:
        return text if len(text) <= limit else text[:limit] + " …"

    lines = []
    seen = set()
    e: BaseException | None = error
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        lines.append(short(f"{type(e).__name__}: {e}"))
        for sub in getattr(e, "schema_errors", None) or []:
            path = "/".join(str(p) for p in getattr(sub, "absolute_path", []))
            lines.append(short(f"    at /{path}: {getattr(sub, 'message', sub)}"))
        e = e.__cause__ or e.__context__
    return "\n".join(lines)


class Contract:
    """Sends requests to the server and checks each against the served OpenAPI document."""

    def __init__(self, base_url: str, document: dict):
        self.base_url = base_url
        self.document = document
        # "forbid": a response property the document does not list is an error, not a silent extra.
        config = Config(
            additional_properties_default_policy="forbid",
            extra_media_type_deserializers={
                "application/problem+json": json.loads,
                # Raw mail is text for the schema's purposes (the mailgate and the raw download).
                "message/rfc822": lambda body: body.decode("utf-8", "replace") if isinstance(body, bytes) else body,
            },
        )
        self.openapi = OpenAPI.from_dict(document, config=config)
        self.matchers = []
        for template, item in document["paths"].items():
            pattern = re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(template))
            for method, operation in item.items():
                if method in HTTP_METHODS:
                    self.matchers.append((method.upper(), re.compile(f"^{pattern}$"), operation["operationId"]))
        self.operation_ids = {op_id for _, _, op_id in self.matchers}
        self.succeeded: set[str] = set()  # operations with a validated 2xx exchange
        self.token: str | None = None
        self.csrf: str | None = None
        self.browser = requests.Session()  # carries the sb_session cookie
        self.plain = requests.Session()  # never carries cookies

    def operation_id(self, method: str, path: str) -> str | None:
        path = path.split("?", 1)[0]
        for m, pattern, op_id in self.matchers:
            if m == method and pattern.match(path):
                return op_id
        return None

    def call(
        self,
        method: str,
        path: str,
        *,
        expect: int,
        auth: str = "token",
        json_body=None,
        data: bytes | str | None = None,
        params: dict | None = None,
        headers: dict | None = None,
        request_valid: bool = True,
    ) -> requests.Response:
        """Sends one request and validates it.

        auth: "token" (Authorization: Bearer), "session" (the browser session's cookie, plus X-CSRF-Token on
        unsafe methods), "session-no-csrf" (cookie only) or "none" (a fresh client without cookies).
        request_valid: whether the document should accept the request; when False, the test asserts that it
        does not (and still validates the response).
        """
        method = method.upper()
        h = {}
        if auth == "token":
            assert self.token, "no API token yet"
            h["Authorization"] = f"Bearer {self.token}"
        if auth == "session" and method not in SAFE_METHODS:
            h["X-CSRF-Token"] = self.csrf
        h.update(headers or {})
        session = self.browser if auth.startswith("session") else self.plain if auth == "token" else requests.Session()
        kwargs = {"headers": h, "params": params, "timeout": 60}
        if json_body is not None:
            kwargs["json"] = json_body
        if data is not None:
            kwargs["data"] = data
        response = session.request(method, self.base_url + API_PREFIX + path, **kwargs)
        where = f"{method} {path}"
        assert response.status_code == expect, (
            f"{where}: got {response.status_code}, expected {expect}\n"
            f"request body: {(response.request.body or b'')[:500]!r}\nresponse: {response.text[:2000]}"
        )
        op_id = self.operation_id(method, API_PREFIX + path)
        assert op_id, f"{where} is not an operation of the document"

        oa_request = RequestsOpenAPIRequest(response.request)
        if request_valid:
            try:
                self.openapi.validate_request(oa_request)
            except OpenAPIError as e:
                pytest.fail(f"{where} ({op_id}): the document rejects this valid request:\n{explain(e)}")
        else:
            with pytest.raises(OpenAPIError):
                self.openapi.validate_request(oa_request)
        try:
            self.openapi.validate_response(oa_request, RequestsOpenAPIResponse(response))
        except OpenAPIError as e:
            pytest.fail(
                f"{where} ({op_id}) -> {response.status_code}: the response does not match the document:\n"
                f"{explain(e)}\nbody: {response.text[:3000]}"
            )
        if 400 <= response.status_code < 600:
            assert response.headers["Content-Type"].startswith("application/problem+json"), where
            problem = response.json()
            assert problem["status"] == response.status_code, f"{where}: problem status {problem['status']}"
        if request_valid and 200 <= response.status_code < 300:
            self.succeeded.add(op_id)
        return response

    def start_session(self, email: str, password: str) -> dict:
        """POST /session as `email` in the browser session (its cookie jar keeps sb_session)."""
        self.browser.cookies.clear()
        session = self.call(
            "POST", "/session", auth="session-no-csrf", json_body={"email": email, "password": password}, expect=201
        ).json()
        assert self.browser.cookies.get("sb_session"), "sign-in did not set the sb_session cookie"
        self.csrf = session["csrf_token"]
        return session

    def sign_in(self, email: str, password: str) -> dict:
        """A browser session, then an API token made over it (kept for auth="token")."""
        session = self.start_session(email, password)
        token = self.call("POST", "/tokens", auth="session", json_body={"name": "contract test"}, expect=201).json()
        self.token = token["token"]
        return session["user"]


def problem(response: requests.Response, *, field: str | None = None, kind: str | None = None) -> dict:
    body = response.json()
    if field is not None:
        assert body.get("field") == field, f"expected field {field!r}: {body}"
    if kind is not None:
        assert body["type"] == f"about:blank#{kind}", body
    return body


# --------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def document(server) -> dict:
    r = requests.get(server.base_url + API_PREFIX + "/openapi.json", timeout=30)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("application/json")
    doc = r.json()
    if not doc.get("paths"):
        pytest.fail("the server serves an OpenAPI document without paths: is the binary older than OpenAPIDocument.swift?")
    return doc


@pytest.fixture
def contract(server, document) -> Contract:
    return Contract(server.base_url, document)


# --------------------------------------------------------------------------------------------- the document


def test_document_is_valid_openapi_31(document):
    validate_spec(document)
    assert document["openapi"].startswith("3.1.")
    assert document["servers"] == [{"url": "/"}]
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert schemes["sessionCookie"]["in"] == "cookie" and schemes["sessionCookie"]["name"] == "sb_session"
    ids = [op["operationId"] for item in document["paths"].values() for m, op in item.items() if m in HTTP_METHODS]
    assert len(ids) == len(set(ids)), "operationIds must be unique"


def routes_in_source() -> set[tuple[str, str]]:
    """(METHOD, /api/v1/path/{param}) for every `api.<method>(…)` and `api.on(.METHOD, …)` route in routes.swift."""
    text = ROUTES_SWIFT.read_text()
    found = set()
    routes = re.findall(r'\bapi\.(get|post|put|patch|delete)\(((?:\s*"[^"]*"\s*,)+)\s*use:', text)
    routes += [(m.lower(), a) for m, a in re.findall(r'\bapi\.on\(\.([A-Z]+),((?:\s*"[^"]*"\s*,)+)\s*(?:body:[^,]*\)\s*,\s*)?use:', text)]
    for method, args in routes:
        segments = re.findall(r'"([^"]*)"', args)
        path = "/".join("{" + s[1:] + "}" if s.startswith(":") else s for s in segments)
        found.add((method.upper(), f"{API_PREFIX}/{path}"))
    return found


def test_document_matches_routes(document):
    routes = routes_in_source()
    assert len(routes) > 40, f"could not read the routes from {ROUTES_SWIFT}"
    operations = {(m.upper(), path) for path, item in document["paths"].items() for m in item if m in HTTP_METHODS}
    assert sorted(routes - operations) == [], "routes without an operation in the document"
    assert sorted(operations - routes) == [], "operations in the document without a route"


def test_every_operation_documents_its_problems(document):
    missing = []
    for path, item in document["paths"].items():
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            codes = set(op["responses"])
            need = set()
            secured = op.get("security", document.get("security")) != []
            if secured:
                need.add("401")
            if secured and method != "get":
                need.add("403")
            if "requestBody" in op:
                need |= {"413", "422"}
            if "{" in path:
                need.add("404")
            if missing_codes := need - codes:
                missing.append(f"{method.upper()} {path}: {sorted(missing_codes)}")
            for code, response in op["responses"].items():
                if code.startswith("4"):
                    ref = response.get("$ref", "")
                    resolved = document["components"]["responses"][ref.rsplit("/", 1)[-1]] if ref else response
                    assert "application/problem+json" in resolved["content"], f"{method} {path} {code}"
    assert missing == [], "operations missing problem responses"


# --------------------------------------------------------------------------------------------- every operation


def test_every_operation(contract: Contract, server):
    c = contract
    run = secrets.token_hex(3)  # unique names, so the test can be rerun against one database

    # -- meta and session
    c.call("GET", "/openapi.json", auth="none", expect=200)
    signed_in = c.start_session(server.admin_email, server.admin_password)
    me = c.call("GET", "/session", auth="session", expect=200).json()
    assert me["csrf_token"] == signed_in["csrf_token"]
    admin_id = me["user"]["id"]
    assert me["user"]["role"] == "admin"

    key = f"token-{run}"
    created = c.call(
        "POST", "/tokens", auth="session", json_body={"name": f"contract {run}"}, headers={"Idempotency-Key": key}, expect=201
    )
    token = created.json()
    assert token["token"].startswith("sb_") and token["prefix"] == token["token"][:10]
    c.token = token["token"]
    replay = c.call(
        "POST", "/tokens", auth="session", json_body={"name": f"contract {run}"}, headers={"Idempotency-Key": key}, expect=201
    )
    assert replay.headers.get("Idempotent-Replayed") == "true" and replay.json()["id"] == token["id"]
    assert "token" not in replay.json(), "a replay must not show the secret again: it is never stored"
    assert "csrf_token" not in c.call("GET", "/session", expect=200).json()
    tokens = c.call("GET", "/tokens", expect=200).json()
    assert token["id"] in [t["id"] for t in tokens["items"]]
    assert all("token" not in t for t in tokens["items"]), "token secrets must not be listed"

    # -- teams and users
    team = c.call(
        "POST", "/teams", json_body={"name": f"Support {run}", "description": "First line"},
        headers={"Idempotency-Key": f"team-{run}"}, expect=201,
    ).json()
    c.call("GET", "/teams", expect=200)
    c.call("GET", f"/teams/{team['id']}", expect=200)
    agent = c.call(
        "POST", "/users",
        json_body={
            "email": f"agent-{run}@example.com", "name": "Olena Agent", "role": "agent", "job_title": "Support Hero",
            "locale": "uk", "password": "agent-password-1", "team_ids": [team["id"]],
        },
        headers={"Idempotency-Key": f"user-{run}"}, expect=201,
    ).json()
    assert agent["team_ids"] == [team["id"]] and agent["job_title"] == "Support Hero"
    invited = {"email": f"invited-{run}@example.com", "name": "Ivan Invited", "role": "agent", "send_invite": True}
    c.call("POST", "/users", json_body=invited, headers={"Idempotency-Key": f"invite-{run}"}, expect=201)
    c.call("POST", "/users", json_body=invited, headers={"Idempotency-Key": f"invite-{run}"}, expect=201)  # a replay mails nothing
    assert server.log_path.read_text().count(f"outgoing mail to invited-{run}@example.com") == 1
    problem(c.call("POST", "/users", json_body={**invited, "email": f"x-{run}@example.com", "password": "pass-word-123"}, expect=422),
            field="send_invite")
    c.call("GET", "/users", expect=200)
    c.call("GET", f"/users/{agent['id']}", expect=200)
    agent = c.call("PATCH", f"/users/{agent['id']}", json_body={"locale": "pt-br", "name": "Olena A."}, expect=200).json()
    assert agent["locale"] == "pt-BR" and "time_zone" not in agent
    agent = c.call("PATCH", f"/users/{agent['id']}", json_body={"time_zone": "Europe/Kyiv"}, expect=200).json()
    assert agent["time_zone"] == "Europe/Kyiv"
    problem(c.call("PATCH", f"/users/{agent['id']}", json_body={"time_zone": "Mars/Olympus"}, expect=422), field="time_zone")
    agent = c.call("PATCH", f"/users/{agent['id']}", json_body={"time_zone": ""}, expect=200).json()
    assert "time_zone" not in agent
    team = c.call("PATCH", f"/teams/{team['id']}", json_body={"member_ids": [admin_id, agent["id"]]}, expect=200).json()
    assert team["member_ids"] == sorted([admin_id, agent["id"]])

    # -- organizations, contacts, custom fields
    domain = f"acme-{run}.test"
    org = c.call(
        "POST", "/organizations",
        json_body={"name": f"Acme {run}", "domains": [domain], "tier": "vip", "attributes": {"seats": 40, "regions": ["eu"]}},
        headers={"Idempotency-Key": f"org-{run}"}, expect=201,
    ).json()
    c.call("GET", "/organizations", params={"q": "Acme", "limit": 10}, expect=200)
    c.call("GET", f"/organizations/{org['id']}", expect=200)
    org = c.call(
        "PATCH", f"/organizations/{org['id']}", json_body={"account_owner_id": admin_id, "notes": "Renewal in March"}, expect=200
    ).json()
    assert org["account_owner_id"] == admin_id

    field = c.call(
        "POST", "/custom-fields",
        json_body={"key": f"plan_{run}", "label": "Plan", "kind": "dropdown", "options": ["free", "pro"]},
        headers={"Idempotency-Key": f"field-{run}"}, expect=201,
    ).json()
    c.call("GET", "/custom-fields", expect=200)

    contact = c.call(
        "POST", "/contacts",
        json_body={
            "name": "Petro Customer", "emails": [f"petro@{domain}"], "phones": ["+380 44 123 45 67"], "locale": "uk",
            "organization_id": org["id"], "attributes": {"vip": True, "source": "import"},
        },
        headers={"Idempotency-Key": f"contact-{run}"}, expect=201,
    ).json()
    assert contact["phones"] == ["+380441234567"]
    c.call("GET", "/contacts", params={"q": "Petro", "organization_id": org["id"], "limit": 5}, expect=200)
    c.call("GET", f"/contacts/{contact['id']}", expect=200)
    contact = c.call("PATCH", f"/contacts/{contact['id']}", json_body={"name": "Petro Customer-Smith"}, expect=200).json()

    # -- tickets
    ticket = c.call(
        "POST", "/tickets",
        json_body={
            "subject": f"Cannot sign in {run}", "requester": {"email": f"petro@{domain}", "name": "Petro"},
            "body": "Since this morning the app says my password is wrong.", "priority": "high", "type": "incident",
            "status": "open", "channel": "email", "tags": ["login", "Mobile App"], "custom_fields": {field["key"]: "pro"},
            "assignee_id": agent["id"], "team_id": team["id"],
        },
        headers={"Idempotency-Key": f"ticket-{run}"}, expect=201,
    ).json()
    assert ticket["requester_id"] == contact["id"] and ticket["organization_id"] == org["id"]
    assert ticket["tags"] == ["login", "mobile_app"]
    other = c.call(
        "POST", "/tickets",
        json_body={"subject": f"Invoice question {run}", "requester": {"email": f"new-{run}@example.org"}, "body": "Where is it?"},
        expect=201,
    ).json()
    assert "assignee_id" not in other and "organization_id" not in other

    shown = c.call("GET", f"/tickets/{ticket['id']}", expect=200)
    assert shown.headers["ETag"] == f'"{ticket["version"]}"'
    page = c.call(
        "GET", "/tickets",
        params={
            "q": "password", "status": "new,open", "priority": "high,urgent", "type": "incident", "tag": "login",
            "assignee": f"me,{agent['id']}", "team": str(team["id"]), "requester": str(contact["id"]),
            "organization": str(org["id"]), "channel": "email,web", "created_from": "2000-01-01T00:00:00Z",
            "created_to": "2100-01-01T00:00:00.000Z", "updated_from": "2000-01-01T00:00:00Z", "updated_to": "2100-01-01T00:00:00Z",
            "sort": "-created_at", "limit": 10, "count": "true",
        },
        expect=200,
    ).json()
    assert [t["id"] for t in page["items"]] == [ticket["id"]] and page["count"] == 1
    first = c.call("GET", "/tickets", params={"limit": 1, "sort": "number"}, expect=200).json()
    assert len(first["items"]) == 1 and isinstance(first["next_cursor"], str)
    second = c.call("GET", "/tickets", params={"limit": 1, "sort": "number", "cursor": first["next_cursor"]}, expect=200).json()
    assert second["items"][0]["number"] > first["items"][0]["number"]
    c.call("GET", "/tickets", params={"view": "all_open"}, expect=200)

    updated = c.call(
        "PATCH", f"/tickets/{ticket['id']}",
        json_body={"status": "pending", "add_tags": ["vip"], "custom_fields": {field["key"]: "free"}, "assignee_id": None},
        headers={"If-Match": shown.headers["ETag"]}, expect=200,
    )
    ticket = updated.json()
    assert ticket["status"] == "pending" and "assignee_id" not in ticket and ticket["custom_fields"][field["key"]] == "free"
    assert updated.headers["ETag"] == f'"{ticket["version"]}"'
    ticket = c.call(
        "PATCH", f"/tickets/{ticket['id']}", json_body={"version": ticket["version"], "assignee_id": agent["id"]}, expect=200
    ).json()

    types = c.call("GET", "/ticket-types", expect=200).json()["items"]
    assert {"type": "feedback", "active": True} in types and len(types) == 7
    assert c.call("PATCH", "/ticket-types/feedback", json_body={"active": False}, expect=200).json() == {"type": "feedback", "active": False}
    problem(c.call("POST", "/tickets", json_body={"subject": "x", "requester": {"email": "a@b.test"}, "body": "b", "type": "feedback"},
                   expect=422), field="type")
    assert c.call("PATCH", "/ticket-types/feedback", json_body={"active": True}, expect=200).json()["active"] is True

    tags = c.call("GET", "/tags", expect=200).json()["items"]
    assert any(t["name"] == "vip" and t["count"] >= 1 for t in tags)
    renamed = c.call("POST", "/tags/rename", json_body={"from": "vip", "to": f"Key account {run}"}, expect=200).json()
    assert renamed == {"name": f"key_account_{run}", "tickets": renamed["tickets"]} and renamed["tickets"] >= 1
    ticket = c.call("GET", f"/tickets/{ticket['id']}", expect=200).json()
    assert f"key_account_{run}" in ticket["tags"] and "vip" not in ticket["tags"]

    reply = c.call(
        "POST", f"/tickets/{ticket['id']}/messages", json_body={"body": "Could you try resetting it?"},
        headers={"Idempotency-Key": f"reply-{run}"}, expect=201,
    ).json()
    assert reply["author_kind"] == "staff" and reply["author_id"] == admin_id and reply["visibility"] == "public"
    c.call(
        "POST", f"/tickets/{ticket['id']}/messages", json_body={"body": "Looks like the SSO outage.", "visibility": "internal"},
        expect=201,
    )
    answer = c.call(
        "POST", f"/tickets/{ticket['id']}/messages",
        json_body={"body": "Reset worked, thanks! Also, my invoice is wrong.", "author": "requester", "channel": "email",
                   "external_id": f"<{run}@mail.example.org>"},
        expect=201,
    ).json()
    assert answer["author_kind"] == "contact" and answer["author_id"] == contact["id"]
    messages = c.call("GET", f"/tickets/{ticket['id']}/messages", expect=200).json()
    assert [m["id"] for m in messages["items"]][-1] == answer["id"] and messages["next_cursor"] is None

    link = c.call("POST", f"/tickets/{ticket['id']}/links", json_body={"other_id": other["id"], "kind": "related"}, expect=201).json()
    assert link == {"kind": "related", "other_id": other["id"]}
    links = c.call("GET", f"/tickets/{ticket['id']}/links", expect=200).json()
    assert link in links["items"]
    c.call("DELETE", f"/tickets/{ticket['id']}/links/related/{other['id']}", expect=204)

    followed = c.call("PUT", f"/tickets/{ticket['id']}/followers/{agent['id']}", expect=200).json()
    assert agent["id"] in followed["follower_ids"]
    unfollowed = c.call("DELETE", f"/tickets/{ticket['id']}/followers/{agent['id']}", expect=200).json()
    assert agent["id"] not in unfollowed["follower_ids"]

    split = c.call(
        "POST", f"/tickets/{ticket['id']}/split", json_body={"message_id": answer["id"], "subject": f"Wrong invoice {run}"},
        expect=201,
    ).json()
    assert split["subject"] == f"Wrong invoice {run}" and split["id"] != ticket["id"]
    target = c.call("POST", f"/tickets/{other['id']}/merge", json_body={"target_id": split["id"]}, expect=200).json()
    assert target["id"] == split["id"]
    merged = c.call("GET", f"/tickets/{other['id']}", expect=200).json()
    assert merged["status"] == "closed" and merged["merged_into_id"] == split["id"]
    history = c.call("GET", f"/tickets/{ticket['id']}/history", expect=200).json()
    assert history["items"] and all(e["entity"] in ("ticket", "message") and e["entity_id"] == ticket["id"] for e in history["items"])

    # -- contacts: their tickets, merge
    theirs = c.call("GET", f"/contacts/{contact['id']}/tickets", params={"limit": 50}, expect=200).json()
    assert ticket["id"] in [t["id"] for t in theirs["items"]]
    duplicate = c.call(
        "POST", "/contacts", json_body={"name": "Petro (work)", "emails": [f"petro.work-{run}@example.org"]}, expect=201
    ).json()
    kept = c.call("POST", f"/contacts/{contact['id']}/merge", json_body={"source_id": duplicate["id"]}, expect=200).json()
    assert f"petro.work-{run}@example.org" in kept["emails"]
    assert c.call("GET", f"/contacts/{duplicate['id']}", expect=200).json()["merged_into_id"] == contact["id"]

    # -- views
    views = c.call("GET", "/views", expect=200).json()
    assert {"my_open", "unassigned", "all_open"} <= {v["id"] for v in views["items"]}
    assert all("count" in v for v in views["items"])
    assert all("count" not in v for v in c.call("GET", "/views", params={"counts": "false"}, expect=200).json()["items"])
    view = c.call(
        "POST", "/views",
        json_body={
            "name": f"Escalations {run}", "shared": True, "sort": "-priority",
            "filter": {"status": ["open", "pending"], "assignee": ["me", agent["id"]], "tag": ["vip"], "team": [team["id"]],
                       "created_from": "2000-01-01T00:00:00Z"},
        },
        headers={"Idempotency-Key": f"view-{run}"}, expect=201,
    ).json()
    assert view["built_in"] is False and view["owner_id"] == admin_id
    shown_view = c.call("GET", f"/views/{view['id']}", expect=200).json()
    assert isinstance(shown_view["count"], int)
    c.call("PATCH", f"/views/{view['id']}", json_body={"name": f"Escalations (VIP) {run}", "sort": "number"}, expect=200)
    in_view = c.call("GET", "/tickets", params={"view": view["id"], "count": "true"}, expect=200).json()
    assert in_view["count"] == len(in_view["items"])
    c.call("DELETE", f"/views/{view['id']}", expect=204)

    # -- mail
    settings = c.call("GET", f"/users/{agent['id']}/notifications", expect=200).json()
    assert settings == {"new_in_team": True, "assigned": True, "customer_replied": True, "mentioned": True, "sla_escalation": True,
                        "side_conversation": True}
    settings = c.call("PUT", f"/users/{agent['id']}/notifications", json_body={"mentioned": False}, expect=200).json()
    assert settings["mentioned"] is False and settings["assigned"] is True
    box = c.call(
        "POST", "/mailboxes", json_body={"name": f"Support {run}", "address": f"support-{run}@example.com", "team_id": team["id"],
                                         "imap": {"host": "127.0.0.1", "port": 1143, "security": "none", "username": "u", "password": "p"}},
        headers={"Idempotency-Key": f"mailbox-{run}"}, expect=201,
    ).json()
    assert box["imap"]["password_set"] is True and "password" not in box["imap"]
    c.call("GET", "/mailboxes", expect=200)
    c.call("GET", f"/mailboxes/{box['id']}", expect=200)
    box = c.call("PATCH", f"/mailboxes/{box['id']}", json_body={"from_name": "Acme Support", "imap": None}, expect=200).json()
    assert "imap" not in box and box["from_name"] == "Acme Support"
    raw = (f"From: Taras <taras-{run}@example.org>\r\nTo: support-{run}@example.com\r\nSubject: Mail {run}\r\n"
           f"Message-ID: <{run}@example.org>\r\n\r\nHello by mail.\r\n")
    taken = c.call("POST", f"/mailboxes/{box['id']}/messages", data=raw.encode(), headers={"Content-Type": "message/rfc822"}, expect=201).json()
    assert taken["outcome"] == "created" and taken["ticket_id"]
    again = c.call("POST", f"/mailboxes/{box['id']}/messages", data=raw.encode(), headers={"Content-Type": "message/rfc822"}, expect=200).json()
    assert again["outcome"] == "duplicate" and again["ticket_id"] == taken["ticket_id"]
    log = c.call("GET", "/mail-log", params={"outcome": "created", "limit": 5}, expect=200).json()["items"]
    assert log[0]["message_id"] == f"{run}@example.org"
    eml = c.call("GET", f"/mail-log/{log[0]['id']}/raw", expect=200)
    assert f"Mail {run}" in eml.text

    # -- service levels
    week = [[{"start": "09:00", "end": "17:30"}]] * 5 + [[], []]
    hours = c.call("POST", "/business-hours", json_body={"name": f"Kyiv office {run}", "time_zone": "Europe/Kyiv", "week": week,
                                                        "holidays": ["2026-12-25"]},
                   headers={"Idempotency-Key": f"hours-{run}"}, expect=201).json()
    assert hours["week"][0] == [{"start": "09:00", "end": "17:30"}] and hours["holidays"] == ["2026-12-25"]
    c.call("GET", "/business-hours", expect=200)
    c.call("GET", f"/business-hours/{hours['id']}", expect=200)
    hours = c.call("PUT", f"/business-hours/{hours['id']}", json_body={"name": f"Kyiv office {run}", "time_zone": "Europe/Kyiv",
                                                                      "week": [[{"start": "08:00", "end": "20:00"}]] * 7}, expect=200).json()
    policy = c.call("POST", "/sla-policies", json_body={
        "name": f"Urgent {run}", "position": -1, "calendar_id": hours["id"], "conditions": {"priority": ["urgent"], "channel": ["api"]},
        "targets": {"first_response": 30, "next_response": 60, "resolution": 480}, "pause_on": ["pending", "on_hold"],
        "escalations": [{"metric": "first_response", "when": "at_risk", "minutes_before": 10, "actions": ["notify_assignee"]},
                        {"when": "breached", "actions": ["raise_priority", "move_to_team"], "team_id": team["id"]}]},
        headers={"Idempotency-Key": f"policy-{run}"}, expect=201).json()
    c.call("GET", "/sla-policies", expect=200)
    c.call("GET", f"/sla-policies/{policy['id']}", expect=200)
    c.call("PUT", f"/sla-policies/{policy['id']}", json_body={"name": f"Urgent {run}", "position": -1, "calendar_id": hours["id"],
                                                            "conditions": {"priority": ["urgent"]}, "targets": {"first_response": 45}},
           expect=200)
    covered = c.call("POST", "/tickets", json_body={"subject": "Down", "requester": {"email": f"sla-{run}@example.com"}, "body": "All down",
                                                    "priority": "urgent"}, expect=201).json()
    assert covered["sla"]["policy_id"] == policy["id"] and covered["sla"]["clocks"][0]["metric"] == "first_response"
    c.call("GET", "/tickets", params={"view": "sla_breaching_soon"}, expect=200)
    c.call("GET", "/tickets", params={"view": "sla_breached", "sort": "-sla_due_at"}, expect=200)
    c.call("GET", "/tickets", params={"sla_due_from": "2000-01-01T00:00:00Z", "sla_due_to": "2100-01-01T00:00:00Z"}, expect=200)
    tiers = c.call("PUT", "/escalation-tiers", json_body={"tier_teams": [team["id"], None]}, expect=200).json()
    assert tiers == {"tier_teams": [team["id"], None]}
    c.call("GET", "/escalation-tiers", expect=200)
    escalated = c.call("POST", f"/tickets/{covered['id']}/escalate", json_body={"note": "Over my head", "version": covered["version"]},
                       expect=200).json()
    assert escalated["escalation_level"] == 1 and escalated["team_id"] == team["id"]
    other_team = c.call("POST", "/teams", json_body={"name": f"Sales {run}"}, expect=201).json()
    moved = c.call("POST", f"/tickets/{covered['id']}/transfer", json_body={"team_id": other_team["id"], "note": "For sales"}, expect=200).json()
    assert moved["team_id"] == other_team["id"]
    c.call("POST", f"/tickets/{covered['id']}/collaborators", json_body={"user_ids": [agent["id"]], "note": "Please look"}, expect=200)
    side = c.call("POST", f"/tickets/{covered['id']}/side-conversations", headers={"Idempotency-Key": f"side-{run}"},
                  json_body={"subject": "Refund over limit?", "member_ids": [agent["id"]], "body": "Can billing approve 900 EUR?"}, expect=201).json()
    assert side["member_ids"] == [admin_id, agent["id"]] and side["status"] == "open"
    side = c.call("POST", f"/side-conversations/{side['id']}/messages", json_body={"body": "Approved."}, expect=201).json()
    assert [m["body"] for m in side["messages"]] == ["Can billing approve 900 EUR?", "Approved."]
    assert c.call("PATCH", f"/side-conversations/{side['id']}", json_body={"status": "closed"}, expect=200).json()["status"] == "closed"
    c.call("POST", f"/side-conversations/{side['id']}/messages", json_body={"body": "One more"}, expect=422)
    listed = c.call("GET", f"/tickets/{covered['id']}/side-conversations", expect=200).json()
    assert [s["id"] for s in listed["items"]] == [side["id"]]
    c.call("DELETE", f"/sla-policies/{policy['id']}", expect=204)
    c.call("DELETE", f"/business-hours/{hours['id']}", expect=204)

    # -- audit
    audit = c.call(
        "GET", "/audit",
        params={"entity": "ticket", "entity_id": ticket["id"], "actor_id": admin_id, "from": "2000-01-01T00:00:00Z",
                "to": "2100-01-01T00:00:00Z", "limit": 2},
        expect=200,
    ).json()
    assert len(audit["items"]) == 2 and audit["next_cursor"]
    older = c.call("GET", "/audit", params={"entity": "ticket", "entity_id": ticket["id"], "cursor": audit["next_cursor"]}, expect=200).json()
    assert all(e["sequence"] < audit["items"][-1]["sequence"] for e in older["items"])
    c.call("GET", "/audit", params={"action": "created", "limit": 1}, expect=200)
    verification = c.call("GET", "/audit/verify", expect=200).json()
    assert verification["intact"] is True and verification["count"] > 0

    # -- routing
    skill = c.call("POST", "/skills", json_body={"name": f"Polish {run}", "rules": [{"kind": "language", "value": "pl"}], "min_level": 2},
                   headers={"Idempotency-Key": f"skill-{run}"}, expect=201).json()
    c.call("GET", "/skills", expect=200)
    c.call("PUT", f"/skills/{skill['id']}", json_body={"name": f"Polish {run}", "rules": [{"kind": "tag", "value": "polish"}]}, expect=200)
    c.call("PUT", f"/users/{agent['id']}/skills", json_body={"skills": [{"skill_id": skill["id"], "level": 3}]}, expect=200)
    assert c.call("GET", f"/users/{agent['id']}/skills", expect=200).json() == {"skills": [{"skill_id": skill["id"], "level": 3}]}
    status = c.call("PUT", f"/users/{agent['id']}/availability", json_body={"availability": "away", "capacity": 5}, expect=200).json()
    assert status["availability"] == "away" and status["capacity"] == 5
    c.call("GET", f"/users/{agent['id']}/availability", expect=200)
    routed = c.call("PATCH", f"/teams/{team['id']}", json_body={"assignment": "least_open", "reassign_when_offline": True}, expect=200).json()
    assert routed["assignment"] == "least_open" and routed["reassign_when_offline"] is True
    c.call("PATCH", f"/teams/{team['id']}", json_body={"assignment": "manual"}, expect=200)
    c.call("DELETE", f"/skills/{skill['id']}", expect=204)

    # -- automations
    rule = c.call("POST", "/automations", json_body={
        "name": f"Refunds {run}", "kind": "trigger", "events": ["created", "replied"],
        "all": [{"field": "subject", "operator": "contains", "value": f"refund {run}"}],
        "any": [{"field": "priority", "operator": "is", "value": "normal"}, {"field": "assignee", "operator": "is", "value": None}],
        "actions": [{"kind": "add_tags", "value": ["refund"]}, {"kind": "add_note", "body": "For {{requester.first_name}}"}]},
        headers={"Idempotency-Key": f"rule-{run}"}, expect=201).json()
    c.call("GET", "/automations", expect=200)
    c.call("GET", f"/automations/{rule['id']}", expect=200)
    c.call("PUT", f"/automations/{rule['id']}", json_body={
        "name": f"Refunds {run}", "kind": "trigger", "events": ["created"], "active": False,
        "all": [{"field": "subject", "operator": "contains", "value": "refund"}], "actions": [{"kind": "set_priority", "value": "high"}]}, expect=200)
    dry = c.call("POST", "/automations/dry-run", json_body={
        "name": "Close", "kind": "time_rule", "all": [{"field": "status", "operator": "is", "value": "solved"},
                                                      {"field": "hours_since_solved", "operator": "greater_than", "value": 96}],
        "actions": [{"kind": "set_status", "value": "closed"}]}, expect=200).json()
    assert dry["checked"] >= 1
    c.call("DELETE", f"/automations/{rule['id']}", expect=204)

    # -- macros
    macro = c.call("POST", "/macros", json_body={"name": f"Refund sent {run}", "scope": "shared",
                                                 "replies": {"en": "Hi {{requester.first_name}}, #{{ticket.number}} is refunded."},
                                                 "actions": [{"kind": "set_status", "value": "pending"}]},
                   headers={"Idempotency-Key": f"macro-{run}"}, expect=201).json()
    c.call("GET", "/macros", expect=200)
    c.call("PUT", f"/macros/{macro['id']}", json_body={"name": f"Refund sent {run}", "scope": "shared", "replies": {"en": "Refunded."}}, expect=200)
    applied = c.call("POST", f"/tickets/{ticket['id']}/macros/{macro['id']}", json_body={}, expect=200).json()
    assert applied["reply"] == "Refunded."
    c.call("DELETE", f"/macros/{macro['id']}", expect=204)

    # -- last: revoke the token, sign out
    revoked = c.call("DELETE", f"/tokens/{token['id']}", expect=200).json()
    assert revoked["id"] == token["id"] and "revoked_at" in revoked and "token" not in revoked
    c.call("GET", "/session", expect=401)
    old_cookie = c.browser.cookies.get("sb_session")
    c.call("DELETE", "/session", auth="session", expect=204)
    assert not c.browser.cookies.get("sb_session"), "sign-out should clear the cookie"
    c.browser.cookies.set("sb_session", old_cookie)  # the old session must be gone on the server too
    c.call("GET", "/session", auth="session", expect=401)

    missed = sorted(c.operation_ids - c.succeeded)
    assert missed == [], f"operations without a validated successful request: {missed}"


# --------------------------------------------------------------------------------------------- problems


def test_invalid_requests_are_documented_problems(contract: Contract, server):
    c = contract
    run = secrets.token_hex(3)
    admin = c.sign_in(server.admin_email, server.admin_password)
    ticket = c.call(
        "POST", "/tickets", json_body={"subject": f"Problem probe {run}", "requester": {"email": f"p-{run}@example.org"}, "body": "Hi"},
        expect=201,
    ).json()

    # Bodies the server must refuse with 422 naming the field; the document refuses them too.
    r = c.call("POST", "/tickets", data=b'{"subject": "x", "requester": ', headers={"Content-Type": "application/json"},
               expect=422, request_valid=False)
    assert "JSON" in problem(r, kind="invalid")["detail"]
    r = c.call("POST", "/tickets", json_body={"subject": "x", "requester": {"email": "a@b.test"}, "body": "b", "priority": "sky-high"},
               expect=422, request_valid=False)
    assert "urgent" in problem(r, field="priority", kind="invalid")["detail"]
    problem(c.call("POST", "/tickets", json_body={"subject": "x", "body": "b"}, expect=422, request_valid=False), field="requester")
    problem(c.call("POST", "/tickets", json_body={"subject": "x", "requester": {}, "body": "b"}, expect=422, request_valid=False),
            field="requester.email")
    problem(c.call("PATCH", f"/tickets/{ticket['id']}", json_body={"tags": "vip"}, expect=422, request_valid=False), field="tags")
    problem(c.call("POST", "/views", json_body={"name": "v", "filter": {"status": ["done"]}}, expect=422, request_valid=False),
            field="filter.status[0]")
    problem(c.call("POST", "/custom-fields", json_body={"key": "k", "label": "K", "kind": "colour"}, expect=422, request_valid=False),
            field="kind")
    problem(c.call("POST", f"/tickets/{ticket['id']}/links", json_body={"other_id": ticket["id"], "kind": "merged_into"},
                   expect=422, request_valid=False), field="kind")
    problem(c.call("GET", "/tickets", params={"status": "done"}, expect=422, request_valid=False), field="status")
    problem(c.call("GET", "/tickets", params={"limit": 0}, expect=422, request_valid=False), field="limit")
    problem(c.call("GET", "/tickets", params={"sort": "subject"}, expect=422, request_valid=False), field="sort")
    problem(c.call("GET", "/audit", params={"entity": "planet"}, expect=422, request_valid=False), field="entity")
    problem(c.call("POST", "/tags/rename", json_body={"from": "a", "to": "A"}, expect=422), field="to")
    problem(c.call("PATCH", "/ticket-types/question", json_body={"active": False}, expect=422), field="active")
    problem(c.call("PUT", f"/users/{admin['id']}/notifications", json_body={"assigned": "yes"}, expect=422, request_valid=False), field="assigned")
    problem(c.call("POST", "/mailboxes", json_body={"name": "X", "address": "x@example.com", "smtp": {"host": "h", "port": 0}}, expect=422),
            field="smtp.port")
    problem(c.call("POST", "/mailboxes/1/messages", data=b"From: a@b.c", headers={"Content-Type": "text/plain"}, expect=422,
                   request_valid=False), field="Content-Type")
    problem(c.call("PATCH", "/ticket-types/rumour", json_body={"active": False}, expect=404, request_valid=False))
    problem(c.call("POST", "/business-hours", json_body={"name": "X", "time_zone": "UTC", "week": [[{"start": "9am", "end": "17:00"}]] * 7},
                   expect=422, request_valid=False), field="week[0][0].start")
    problem(c.call("POST", "/business-hours", json_body={"name": "X", "time_zone": "UTC",
                                                         "week": [[{"start": "09:00", "end": "12:00"}, {"start": "11:00", "end": "13:00"}]] * 7},
                   expect=422), field="week[0]")
    problem(c.call("POST", "/sla-policies", json_body={"name": "X", "targets": {}}, expect=422), field="targets")
    problem(c.call("POST", "/automations", json_body={"name": "X", "kind": "time_rule", "actions": [{"kind": "add_note", "body": "x"}],
                                                      "all": [{"field": "hours_since_updated", "operator": "greater_than", "value": 2}]},
                   expect=422), field="actions")
    problem(c.call("PUT", f"/users/{admin['id']}/availability", json_body={"availability": "asleep"}, expect=422, request_valid=False),
            field="availability")
    problem(c.call("POST", "/skills", json_body={"name": "S", "rules": [{"kind": "type", "value": "rumour"}]}, expect=422), field="rules[0].value")
    problem(c.call("POST", "/sla-policies", json_body={"name": "X", "targets": {"resolution": 60}, "calendar_id": 999999}, expect=422),
            field="calendar_id")
    problem(c.call("POST", "/tags/rename", json_body={"from": f"never-used-{run}", "to": "b"}, expect=404), field="from")
    # Valid by the schema, refused by the rules behind it.
    c.call("PATCH", f"/tickets/{ticket['id']}", json_body={"status": "open"}, expect=200)
    problem(c.call("PATCH", f"/tickets/{ticket['id']}", json_body={"status": "new"}, expect=422), field="status", kind="invalidTransition")
    problem(c.call("POST", "/tickets", json_body={"subject": "x", "requester": {"email": "not-an-address"}, "body": "b"}, expect=422),
            field="requester.email", kind="invalid")
    problem(c.call("POST", f"/tickets/{ticket['id']}/merge", json_body={"target_id": ticket["id"]}, expect=422), field="target_id")
    problem(c.call("POST", "/tickets", json_body={"subject": "x", "requester": {"email": "a@b.test"}, "body": "b"},
                   headers={"Idempotency-Key": "no spaces allowed"}, expect=422, request_valid=False), field="Idempotency-Key")
    c.call("POST", "/teams", json_body={"name": f"Reused key {run}"}, headers={"Idempotency-Key": f"reuse-{run}"}, expect=201)
    problem(c.call("POST", "/organizations", json_body={"name": f"Reused key {run}"}, headers={"Idempotency-Key": f"reuse-{run}"},
                   expect=422), field="Idempotency-Key")

    # 401: no credentials, a wrong token, a wrong password.
    problem(c.call("GET", "/tickets", auth="none", expect=401, request_valid=False), kind="unauthorized")
    problem(c.call("GET", "/tickets", auth="none", headers={"Authorization": "Bearer sb_not-a-token"}, expect=401), kind="unauthorized")
    problem(c.call("POST", "/session", auth="none", json_body={"email": server.admin_email, "password": "wrong password"}, expect=401),
            field="password")

    # 403: a browser session without its CSRF token; a role that may not do something.
    problem(c.call("POST", "/tokens", auth="session-no-csrf", json_body={"name": "x"}, expect=403, request_valid=False),
            kind="forbidden")
    trainer_password = "trainer-password-1"
    trainer = c.call(
        "POST", "/users", json_body={"email": f"trainer-{run}@example.com", "name": "Tanya Trainer", "role": "trainer",
                                     "password": trainer_password}, expect=201,
    ).json()
    admin_token = c.token
    c.sign_in(trainer["email"], trainer_password)
    problem(c.call("POST", "/tickets", json_body={"subject": "x", "requester": {"email": "a@b.test"}, "body": "b"}, expect=403),
            kind="forbidden")
    problem(c.call("GET", "/audit", expect=403), kind="forbidden")
    problem(c.call("PATCH", f"/users/{admin['id']}", json_body={"name": "x"}, expect=403), kind="forbidden")
    problem(c.call("PATCH", f"/users/{trainer['id']}", json_body={"role": "admin"}, expect=403), kind="forbidden")
    c.token = admin_token

    # 404: unknown records, in the path and in the body.
    problem(c.call("GET", "/tickets/999999999", expect=404), kind="notFound")
    problem(c.call("GET", "/views/999999999", expect=404), kind="notFound")
    problem(c.call("DELETE", "/tokens/999999999", expect=404), kind="notFound")
    problem(c.call("POST", f"/tickets/{ticket['id']}/merge", json_body={"target_id": 999999999}, expect=404), field="target_id")

    # 409: a stale version carries the current ticket; duplicates name the field.
    stale = problem(c.call("PATCH", f"/tickets/{ticket['id']}", json_body={"subject": "Stale"}, headers={"If-Match": '"999"'},
                           expect=409), field="version", kind="stale")
    assert stale["current"]["id"] == ticket["id"]
    problem(c.call("POST", "/teams", json_body={"name": f"Reused key {run}"}, expect=409), field="name", kind="conflict")
    problem(c.call("POST", "/users", json_body={"email": server.admin_email, "name": "Again", "role": "agent"}, expect=409),
            field="email")

    # 413: a body over the limit.
    huge = json.dumps({"subject": "big", "requester": {"email": "a@b.test"}, "body": "x" * 1_100_000})
    c.call("POST", "/tickets", data=huge, headers={"Content-Type": "application/json"}, expect=413, request_valid=False)

    # 429: repeated failed sign-ins for one account.
    email = f"nobody-{run}@example.com"
    for _ in range(5):
        c.call("POST", "/session", auth="none", json_body={"email": email, "password": "wrong password"}, expect=401)
    limited = c.call("POST", "/session", auth="none", json_body={"email": email, "password": "wrong password"}, expect=429)
    assert int(limited.headers["Retry-After"]) > 0
