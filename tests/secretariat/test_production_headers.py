"""The production server's real responses carry the security headers and safe cookies.

The server runs as behind a TLS-terminating proxy: HTTPS redirect on, and
``X-Forwarded-Proto: https`` on the requests that came in over HTTPS.
"""

import re
from http.cookies import SimpleCookie

from tests.liveserver import run_manage

PROXY = {
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
}
HTTPS = {"X-Forwarded-Proto": "https"}
PASSWORD = "ett-långt-lösenord-för-testet"


def cookie(answer, name):
    for header in answer.headers.get_all("Set-Cookie") or []:
        if header.startswith(f"{name}="):
            return header, SimpleCookie(header)[name]
    raise AssertionError(f"no {name} cookie in {answer.headers}")


def test_headers_and_cookies_of_the_production_server(production_site):
    with production_site(**PROXY) as site:
        run_manage(
            site.env | {"DJANGO_SUPERUSER_PASSWORD": PASSWORD},
            *(
                "createsuperuser",
                "--noinput",
                "--username",
                "drift",
                "--email",
                "drift@example.org",
            ),
        )
        plain_page = site.fetch("/finns-inte/")
        plain_health = site.fetch("/healthz/")
        page = site.fetch("/finns-inte/", headers=HTTPS)
        login_form = site.fetch("/admin/login/", headers=HTTPS)
        _, csrf = cookie(login_form, "csrftoken")
        logged_in = site.fetch(
            "/admin/login/?next=/admin/",
            method="POST",
            headers=HTTPS
            | {"Origin": f"https://127.0.0.1:{site.port}", "Cookie": f"csrftoken={csrf.value}"},
            form={"username": "drift", "password": PASSWORD, "csrfmiddlewaretoken": csrf.value},
        )

    # Plain HTTP goes to HTTPS, except the load balancer's health check.
    assert plain_page.status == 301
    assert plain_page.headers["Location"] == f"https://127.0.0.1:{site.port}/finns-inte/"
    assert plain_health.status == 200

    assert page.status == 404
    assert login_form.status == 200
    for answer in (page, login_form):
        headers = answer.headers
        assert headers["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in headers["Permissions-Policy"]
        assert "geolocation=()" in headers["Permissions-Policy"]

        csp = headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp
        assert "unsafe-eval" not in csp
        assert "default-src 'self'" in csp
        assert "object-src 'none'" in csp
        assert "frame-ancestors 'none'" in csp
        script_src = re.search(r"script-src ([^;]+)", csp).group(1).split()
        assert script_src[0] == "'self'"
        # Django names a nonce only in responses that use it; each inline script
        # must carry this response's nonce, or the browser would not run it.
        nonces = [source[7:-1] for source in script_src if source.startswith("'nonce-")]
        for script in re.findall(r"<script\b[^>]*>", answer.text):
            if "src=" not in script:
                assert nonces
                assert f'nonce="{nonces[0]}"' in script, script

    # Cookies only travel over HTTPS and are out of reach of scripts.
    assert logged_in.status == 302
    for answer, name in ((login_form, "csrftoken"), (logged_in, "sessionid")):
        raw, _ = cookie(answer, name)
        assert "Secure" in raw
        assert "HttpOnly" in raw
        assert "SameSite=Lax" in raw
