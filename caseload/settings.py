"""The one settings module. Every knob is read from the environment with a safe default.

SQLite is the embedded default; `DB=postgres` switches to PostgreSQL (PGHOST, PGPORT, PGUSER,
PGPASSWORD or PGPASSWORD_FILE, PGDATABASE).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

from caseload.env import env_bool, env_choice, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent

DEBUG = env_bool("DEBUG", False)


def _local_secret_key() -> str:
    """A key generated once into var/secret_key (mode 0600), shared by every worker process."""
    path = REPO_DIR / "var" / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(get_random_secret_key())
    except FileExistsError:
        pass  # another process made it first
    return path.read_text().strip()


SECRET_KEY = env_secret("SECRET_KEY") or ""
if not SECRET_KEY:
    if env_bool("REQUIRE_SECRET_KEY", False):
        raise ImproperlyConfigured("SECRET_KEY (or SECRET_KEY_FILE) must be set")
    SECRET_KEY = _local_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "ninja",
    "axes",
    "csp",
    "caseload.core",
    "caseload.organisation",
    "caseload.people",
    "caseload.contacts",
    "caseload.diary",
    "caseload.risk",
    "caseload.tiering",
    "caseload.search",
    "caseload.compliance",
    "caseload.safeguarding",
    "caseload.reports",
    "caseload.plans",
    "caseload.enforcement",
    "caseload.workload",
    "caseload.allocation",
    "caseload.returns",
    "caseload.access",
    "caseload.dataprotection",
    "caseload.handover",
    "caseload.essentials",
    "caseload.derived",
    "caseload.demo",
    "caseload.imports",
    "caseload.benchmarking",
]

# Static files are answered by whitenoise, so nothing below it runs for them: every other
# response is marked no-store and carries the Content-Security-Policy.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "caseload.access.audit.AuditOriginMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "caseload.access.middleware.NoStoreMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "caseload.access.sessions.SessionTimeoutMiddleware",
    "caseload.access.passwords.PasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "caseload.urls"
WSGI_APPLICATION = "caseload.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "caseload.core.context_processors.service",
                "caseload.access.navigation.primary_navigation",
            ],
        },
    },
]

#: PostgreSQL's JIT compiles a query whose estimated cost is high, and the returns' grouped
#: queries cost more to compile (seconds) than to run; off, as for most OLTP workloads
#: (https://www.postgresql.org/docs/current/jit-decision.html).
POSTGRES_OPTIONS = {"options": "-c jit=off"}

# `caseload serve` (core/serving.py): where gunicorn listens, its worker processes (0: one per
# CPU), threads per worker (a request mostly waits on the database, so a few threads keep a core
# busy) and the seconds one request may take before its worker is restarted.
WEB_BIND = env_str("BIND", "127.0.0.1:8000")
WEB_WORKERS = env_int("WEB_WORKERS", 0)
WEB_THREADS = env_int("WEB_THREADS", 4)
WEB_TIMEOUT = env_int("WEB_TIMEOUT", 60)

# The database: DATABASE_URL (for example postgres://caseload:secret@db.internal/caseload, read
# by dj-database-url) when set; otherwise DB=postgres with the PG* variables, or SQLite.
DATABASE_URL = env_secret("DATABASE_URL", "") or ""
DB = env_choice("DB", "sqlite", ("sqlite", "postgres"))
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must be a postgres:// URL")
    DATABASES["default"]["OPTIONS"] = POSTGRES_OPTIONS
    DB = "postgres"
elif DB == "postgres":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "HOST": env_str("PGHOST", "127.0.0.1"),
            "PORT": env_int("PGPORT", 5432),
            "USER": env_str("PGUSER", "caseload"),
            "PASSWORD": env_secret("PGPASSWORD", "") or "",
            "NAME": env_str("PGDATABASE", "caseload"),
            "CONN_MAX_AGE": env_int("CONN_MAX_AGE", 60),
            "OPTIONS": POSTGRES_OPTIONS,
        }
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(REPO_DIR / "var" / "caseload.sqlite3")),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": env_int("SQLITE_TIMEOUT", 20),
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

# A PostgreSQL streaming replica for the returns and their exports (caseload.core.replica):
# DATABASE_REPLICA_URL (or DATABASE_REPLICA_URL_FILE) names it; REPLICA_READS=false sends those
# reads back to the primary. In tests the alias reads the primary's test database on the
# replica's server (TEST MIRROR), which streaming replication keeps the same.
DATABASE_REPLICA_URL = env_secret("DATABASE_REPLICA_URL", "") or ""
REPLICA_READS = env_bool("REPLICA_READS", True)
if DATABASE_REPLICA_URL:
    if DB != "postgres":
        raise ImproperlyConfigured("DATABASE_REPLICA_URL needs a PostgreSQL primary (DATABASE_URL)")
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=env_int("CONN_MAX_AGE", 60), conn_health_checks=True
    )
    if DATABASES["replica"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_REPLICA_URL must be a postgres:// URL")
    DATABASES["replica"]["OPTIONS"] = POSTGRES_OPTIONS
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["caseload.core.replica.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Passwords: argon2id first; a password stored with an older hasher (PBKDF2) is re-hashed with
# argon2 the next time its user signs in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# A password-reset link made by an administrator works once, for this many hours.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_HOURS", 24) * 60 * 60

# Sign-in throttling (django-axes): after SIGN_IN_FAILURE_LIMIT failures for one username from
# one address, that username is refused from that address for SIGN_IN_COOL_OFF_MINUTES (every
# further attempt restarts the wait). Counting the pair, not the address alone, keeps one office
# behind a shared address working; counting the pair, not the username alone, stops anyone
# locking a colleague out from elsewhere. The sign-in page says why (caseload.access.signin).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("SIGN_IN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGN_IN_COOL_OFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "caseload.access.signin.locked_out_page"
AXES_CLIENT_IP_CALLABLE = "caseload.access.signin.client_address"
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins are in our own audit (SIGN_IN)

# Sessions end after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after sign-in
# whatever happens (caseload.access.sessions). The cookie lasts only as long as the browser.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
SESSION_MAX_HOURS = env_int("SESSION_MAX_HOURS", 10)
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# API bearer tokens expire this many days after they are made (`caseload token create --days`).
API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 90)

# HTTPS. `HTTPS=true` in production switches on the redirect, HSTS and secure cookies; each has
# its own variable to override it. PROXY_COUNT is how many reverse proxies stand in front of
# gunicorn: when there are any, their X-Forwarded-Proto says whether the request came over HTTPS
# and X-Forwarded-For gives the client's address (for sign-in throttling). See docs/operations.md.
HTTPS = env_bool("HTTPS", False)
PROXY_COUNT = env_int("PROXY_COUNT", 0)
if PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Framing is refused twice over: X-Frame-Options for old browsers, frame-ancestors for the rest.
# Scripts, styles, fonts and images come only from this site; no inline script is allowed
# (base.html's GOV.UK body-class snippet is the static file caseload/body-classes.js). The API
# documentation page adds `img-src data:` for Swagger UI's icons (caseload.core.api).
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(REPO_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# How API callers prove who they are, tried in order (caseload.core.api).
API_AUTH = ["caseload.access.api_auth.BearerToken", "caseload.access.api_auth.SessionAuth"]

# Which tiering framework the organisation treats as primary: "v2" (A-D x 0-3) or "v3" (A-G).
PRIMARY_TIER_FRAMEWORK = env_choice("PRIMARY_TIER_FRAMEWORK", "v2", ("v2", "v3"))

# Which cases staff see: their own delivery unit (the default), their region, or the nation.
CASE_VISIBILITY = env_choice(
    "CASE_VISIBILITY", "delivery_unit", ("delivery_unit", "region", "nation")
)

# How long a closed case is kept before `caseload retention` deletes it, in whole years after
# closure (no sentence in force, no open allocation). It may not go below the hard minimum in
# caseload.dataprotection.domain (6): a lower value stops the service starting.
RETENTION_YEARS_AFTER_CLOSURE = env_int("RETENTION_YEARS_AFTER_CLOSURE", 7)

SERVICE_NAME = "caseload"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
