"""Each vendor's first documented request, through `requests`, against the session's sandbox (conftest.py)."""
import re

import requests


def test_health_names_the_version_and_commit(sandbox_url):
    health = requests.get(f"{sandbox_url}/__admin/health", timeout=30).json()
    assert health["status"] == "ok"
    assert re.fullmatch(r"[0-9a-f]{40}|unknown", health["commit"])
    assert health["version"]


def test_hyalto_token_then_accounts(sandbox_url):
    keys = {"accessKey": "190.1fae4315-f50a-4c76-8213-1b9d79e43599", "secretKey": "a6e81199-5318-4c29-ae47-01190958356e"}
    token = requests.post(f"{sandbox_url}/hyalto/accountManagement/auth/token", json=keys, timeout=30)
    assert token.status_code == 200
    accounts = requests.get(f"{sandbox_url}/hyalto/accountManagement/accounts",
                            headers={"Authorization": f"Bearer {token.json()['accessToken']}"}, timeout=30)
    assert accounts.status_code == 200 and len(accounts.json()) > 0


def test_usage_engine_token(sandbox_url):
    form = {"grant_type": "client_credentials", "client_id": "usage-engine-demo-client",
            "client_secret": "usage-engine-demo-secret-0123456789abcdef", "audience": "https://api.digitalroute.io/"}
    token = requests.post(f"{sandbox_url}/usage-engine/authentication/v1/oauth/token", data=form, timeout=30)
    assert token.status_code == 200
    assert token.json()["token_type"] == "Bearer"


def test_zylo_subscriptions(sandbox_url):
    page = requests.get(f"{sandbox_url}/zylo/v1/subscriptions",
                        headers={"Authorization": "Bearer zylo-demo-token:zylo-demo-secret"}, timeout=30)
    assert page.status_code == 200 and len(page.json()["subscriptions"]) > 0


def test_zylo_rejects_a_wrong_secret(sandbox_url):
    page = requests.get(f"{sandbox_url}/zylo/v1/subscriptions",
                        headers={"Authorization": "Bearer zylo-demo-token:wrong"}, timeout=30)
    assert page.status_code == 401


def test_mason_aggregate(sandbox_url):
    usage = requests.get(f"{sandbox_url}/mason/beta/default/data/aggregate/usage",
                         params={"date": "2020-08-01T00:00:00Z"}, headers={"Authorization": "basic mason-demo-key"},
                         timeout=30)
    assert usage.status_code == 200
    assert usage.json()["data"][0]["usage"]["date"] == "2020-08-01T00:00:00Z"
