from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

_UPGRADE = {
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "job_run" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "job" VARCHAR(40) NOT NULL /* The job's name in JOBS. */,
    "slot" VARCHAR(40) NOT NULL /* The schedule slot this run is for (the cron fire time), or a random token for a run */,
    "ran_at" TIMESTAMP NOT NULL /* Hour precision, like every other time we keep. */,
    "finished" INT NOT NULL DEFAULT 0,
    "counts" JSON NOT NULL /* What the run did, as counts: {"needs": 3, "messages": 12, ...}. */,
    CONSTRAINT "uid_job_run_job_d2769e" UNIQUE ("job", "slot")
) /* One run of a scheduled job, claimed before it starts so that it runs once; a purge's */;
        CREATE TABLE IF NOT EXISTS "published_report" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "period" VARCHAR(7) NOT NULL UNIQUE /* Calendar month, `YYYY-MM`. */,
    "body" TEXT NOT NULL /* The report exactly as published (canonical JSON); served byte for byte. */,
    "content_hash" VARCHAR(64) NOT NULL /* SHA-256 of `body`, shown on the report so anyone can check a copy. */,
    "published_at" TIMESTAMP NOT NULL
) /* A month's transparency report, frozen when published: later counter changes never */;
        CREATE INDEX IF NOT EXISTS "idx_match_need" ON "match" ("need_id");
        CREATE INDEX IF NOT EXISTS "idx_need_closed" ON "need" ("closed_at");""",
    "postgres": """
        CREATE TABLE IF NOT EXISTS "job_run" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "job" VARCHAR(40) NOT NULL,
    "slot" VARCHAR(40) NOT NULL,
    "ran_at" TIMESTAMPTZ NOT NULL,
    "finished" BOOL NOT NULL DEFAULT False,
    "counts" JSONB NOT NULL,
    CONSTRAINT "uid_job_run_job_d2769e" UNIQUE ("job", "slot")
);
COMMENT ON COLUMN "job_run"."job" IS 'The job''s name in JOBS.';
COMMENT ON COLUMN "job_run"."slot" IS 'The schedule slot this run is for (the cron fire time), or a random token for a run';
COMMENT ON COLUMN "job_run"."ran_at" IS 'Hour precision, like every other time we keep.';
COMMENT ON COLUMN "job_run"."counts" IS 'What the run did, as counts: {"needs": 3, "messages": 12, ...}.';
COMMENT ON TABLE "job_run" IS 'One run of a scheduled job, claimed before it starts so that it runs once; a purge''s';
        CREATE TABLE IF NOT EXISTS "published_report" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "period" VARCHAR(7) NOT NULL UNIQUE,
    "body" TEXT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "published_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "published_report"."period" IS 'Calendar month, `YYYY-MM`.';
COMMENT ON COLUMN "published_report"."body" IS 'The report exactly as published (canonical JSON); served byte for byte.';
COMMENT ON COLUMN "published_report"."content_hash" IS 'SHA-256 of `body`, shown on the report so anyone can check a copy.';
COMMENT ON TABLE "published_report" IS 'A month''s transparency report, frozen when published: later counter changes never';
        CREATE INDEX IF NOT EXISTS "idx_match_need" ON "match" ("need_id");
        CREATE INDEX IF NOT EXISTS "idx_need_closed" ON "need" ("closed_at");""",
}

_DOWNGRADE = {
    "sqlite": """
        DROP INDEX IF EXISTS "idx_need_closed";
        DROP INDEX IF EXISTS "idx_match_need";
        DROP TABLE IF EXISTS "published_report";
        DROP TABLE IF EXISTS "job_run";""",
    "postgres": """
        DROP INDEX IF EXISTS "idx_match_need";
        DROP INDEX IF EXISTS "idx_need_closed";
        DROP TABLE IF EXISTS "published_report";
        DROP TABLE IF EXISTS "job_run";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return _UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return _DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztPW1X2zjWf0UnXwrnBE4LLbD0efYcoJ0tM6XMFuaZnR3mpIqtJN44kseyodlp//ujK/"
    "ndsmMnTmLA/VDA1pXte6Wr+37/6s2YSWy+f+YS3DtFf/UonhHxS+p6H/Ww48RX4YKHh7Yc"
    "iMMRQ+652PDEtRG2ORGXTMIN13I8i1EYeYYMhl1OkGNjg6AdjCixxpMh890JY+ZuX/x9T1"
    "yEKcKm6RLO92FikxliZouOV5jDp9afPhl4bEy8CXHFTL//IS5b1CRfCQ//dKaDkUVsM4UI"
    "y4QJ5PWBN3fktV9+uXz3gxwJ7zccGMz2ZzQe7cy9CaPRcN+3zH2AgXtjQomLPWImEEV92w"
    "7wGV5SbywueK5Polc14wsmGWHfBnT3/mfkUwOwjGa+52Mbi8dxj7l4TPYDOrqYmmw2sMy/"
    "B6+cAB8MPl3fDm7e3w4GvRzV4NUyRAguGYwCxS3qAQL/+q7mjRElr/bgARcfzj7vHB7tSt"
    "Qw7o1deVOisfddAmIPK1BJjBj73PbHefxfTLCrx384PkMB8aLrwX2InuoI7d3IrYP4hLke"
    "gu9EPicmsigaMXfGxdI1xSL3qUdczQaoDZ0hU2+Gvw5sQsfeRPx59LKEbP939llS7uilpJ"
    "xYT4ba8p+COwfyFhAwJpj8WYNg4fhmCBZeiCkW86IVSHY7IQrXDmEOYJ+QPGWKBpUS4NVB"
    "FQqIUYUkkPfSNBi7zHfqECECaD0VAu4vXzha+Y4/tC0DucQRm4KjHce17rExR47LZpYYfb"
    "Srp9Yqk214Wwm2aUk85Kh6ST09UZMgGbqKt14XXV+u6XgRLyt+7B28en38+uTw6PWJGCLf"
    "MrpyXILzy0+3GYQKScW613Cqc8ZsgqkepTFQBqFDAbUujIZnzmbP7PPr648w84zzP2154f"
    "I2s1x/uTp/L3iTXMVikOWRGNUgTo2miSMdLgyxMX3ArjlI3UmcHYSYXEOSAOyHnz4TGxcs"
    "6UDO+SSmaA/LqkuI+GpAd4lHdsCKEJm/NTuYFeA2EJM1CL7CdH7L4H+57C/FS2Bq6NZ5Ri"
    "tohTwFL8ORYTPBnAll/niCvAn20ITYDhoJro0YJYKfY2NCuLhFEAMdQKNbrDBRRXr2AxQO"
    "CtQsFxY4MQc5qg3YSNKNuZLuUzJP31Z6R7QugvugmwW3vIkLXxRdjUDlpqYC3TZRG/ji7O"
    "bi7N17uD7IETgt62XfrltVuVVVb78vvT64ZnUkqJ9dGNmFs/rqkNwquTjYaEQaYTbXMFFb"
    "1sXKHL2IwtFXZkkM9NBRV+K31r5XEKG9ZkmqumNMrf/KU7gR4ibme/o0znxsZVIn4OpRPA"
    "lYn/BSnsAUj+UlwMH3fsySfNPy3t8T+dV5u2F8t19qPYRxAxINXGhE/BWYMEZiXY1GaEZm"
    "Q+Ii0zKRx9DDxDImgiUbzDVPQzugUPJmM7FcvHkw+gVHD2KA1OyURneiUQ/X95jFpsi/er"
    "EA1zME1WCNYK8Hw8hXB4yacvcFkLGh8utAoTOAkYgOtltPwgrcyj++17J2nlvjQiVTa+/U"
    "qJfBtmjtVg7Uy78dHBweHh+8PDw6efP6+PjNyctIz8zfKlM4zy//AYpQSmEKldASaycst0"
    "E9i3MSZgW7c4DslilES1mT00q+zmZSbAmLIdpsCqu+rFNmqddVzFKvi81Sr3NmKcUFFZJq"
    "YDkD9gRRffC6AqoPXheiGm5pUa1jDgsRreUOTwHNh0cV0BzwCh2a4VYazYnzNofnd+KOZ8"
    "2IHtdpyAyyzQB0P/zlEaK+BNW3l1fvb27Prn5OmQzfnd2+hzsH8uo8c3UnS5ZoEvTr5e0H"
    "BH+if19/ep9l9NG423/34J2w77EBZQ8DbCZxEl4OL9WxSa5odisVnC8ExcfMnevE5uheqd"
    "BsJEdVcLtPxYJBbITAvnoqbRVD37K9PYuCEYP3EXOlNcNggllYFHvM5eA+J6bOAb/ibJ0r"
    "vnPFrwX3Gzt0nqPTvFdzrfYuErv/BWIPVPnGR0wqy77YEzMU8rG3EQcRjMJVXnQTDeeCxp"
    "hy5fLJc6K1PGHzzvrOs9t5djvP7vPz7FbxldTBz9JukrYiaK0yuIqQ04rgwa1yCTwxaLEA"
    "ThEeC0FrLIiiYvP6aMbuVbgRyM8czi15EinzE8LKoyjN4rEBWRfG1PDcGuH8955DXIvJvT"
    "cj4sGGPCeTKgj4HqIQMs581yAD0BJ6f6wi2Xdm502ZnWMCVxVAY4g2G5V6F1jIbiZ2xZag"
    "3qSPvvwm/u1dXX3RSJOlQ0vFwjKChELhcaFIeJwVCONNVpUaMUSbqdEao3WSd1VFcRJmq1"
    "pXi7XY9DlQ2eOSgupwq8dt8lStgdwM2NPA7qsqRv9XxUb/Vzmj/z22fZ3GWCKBRCBbVMBf"
    "PgbBoyVW90t6b3k4QFNO6E/cLZX7rfS4CrZ3Rske+HuQbdHpqbJOUZQMzIGYEvFEey4t54"
    "H5itk2wWOfwM3/MGVa1xnjm56+s84/Uuu8x6aEDiaYT+qcD2mop2epr+KFPyr2wh/lvPB1"
    "D+DNn7xLqEkpdrEjmQWYCSSzI+Yu+hZGwO1IXpFhMLs5ttTAfBsWAELf/XBeM/oqB9iFYK"
    "UxS746lri7RDxFGrKLp2hdPEWSzJA9uQSNE2ANEPjxbKBHR19NCHpVFqkB7ZikRi/SIzuP"
    "6R+YS6wx/YmsKceinRjWJVm4+CHSQ3TLTJvp8H07+uePbPjZ1+qewZ1+md75HzYcuH5Fpf"
    "MaEtN8CjFaGHFjQkzfJqbQ84Z9ZAidR4Y+EKEJEmR5kOIAee6cqfw2cUXAcqEQGuStgHd8"
    "d0xe8JyMt46H3FGXPSBLSIpirEsMIr5pH0mHHIy152G6xQNM8iBESkXewsCy3wFx0illM6"
    "/zRrXHKNQv0WQDklXVsILhrVawoNiEeM8XXIUoCZ3nx+vzG31RioJxG/aRyA1Tgwrh+NaT"
    "IWRVCN5YcCPBbYCNiR9gGtsB17jhCrV1JHQPBHLnrrSbYaQMQ0haTAIzWsCRcyRs+Bl3VL"
    "JPFbA2EUPeIoUp5AheKDmuykkTD5CccYanhCNITVZvIPm0YLXbWEjik5bQC2Kox6P39T4w"
    "30WOOLcsyM/rI9uayjgLd65ywyWp0QNBU0Kc/OavD/6E9Y2RRS0+IbqDuCyMLwm2wUC+6E"
    "pyteilsxZE8KUMX1K4ymP5x5vrTwUWrwgiuzUtw0PfxLLla/OAJQz4Mp7XonwfHlvXVq/S"
    "e4EPA2s0LbMP9kn1ZQLJdype8U6MPOyju96McC6kennh1UEf7e/vfy9IGV59zurLAGiUWg"
    "YhH965OvtXlkVffLw+z25UmOC8PS66K+wZk55GQ1I3ShWkWTSkgk8OKIEcLE5fEz1Y3kRa"
    "oCF88hSqfAkMqaMWJ1NYBDUNgzhwCotz2SSGbdEghHxCNI65xp9xR6H0CIFB1JTrLEo0hy"
    "UD0XweQ3wC4e3iruXCZU9gQj0+Kl4S1CipmYau0a6FUOL5vEpWuiTOQEwxCGD6hYnpwJsS"
    "jwUswuMqP4SS5vLeO+dlLXa0SmpRtCwq6xsRRKs1jmirf4u39rd4Z39DI98eWbYtfzfAjA"
    "e/59jJ8tMsyGeplM5Sks2SS2YJXrS+Iy0P2RmJs6KaZOcDyeLrCsZ54HaKx1J/DrzDWCCD"
    "mOrkkkq0Or6EejuH4qqZU84kHrZsTcXcRmbcjnDe5aI/B9+a4OOWuRSZ05CdB7XNVA5F2R"
    "pnYgKkSVmzvUStcRomy99V9kQnYFovXchzS77xWwktLbipQmPyJhh9xcsG6iQ4zibMNusW"
    "olyVGM8rOqD3kxDBlX1eSONcKOATYky5KoaRjr1V5vhQuhC0knaBHXjmaZ6Y+QS/DUYdhK"
    "rzitEGTyxPt58JM0jwZH14QY5JNYDTqrm9j5MzNTHfskEjiRMhRU7x6ejTLx8/9gr5XBNk"
    "bWNgzgaZ25of9TQDia6U46Cns5MHt/qllvLEoEqhRAEARCNgifYXkEEuFEzzbRh/E5qYib"
    "yfp/Py02iDesKTipM/Vwvq6Sy8zUqEJRZeQaoc+gsDqoLRm0utW4JNXrsmRKKJFRtUWlCL"
    "Ge2Aqq2qDEHIGpoCj/OYHDJhvo4NrjbVusvp+III7sBldq0SVRmwVlvpA+vgt6QvTvyVPA"
    "jgkIFvifrLQewNZzQI1crTtKE5N5wHM2SmJi3+PTXcOTgdbsnXgh0bAmatynOP8PZQupHg"
    "i8CRHtmcBDrPLz+dff4tcrtHhqeP15/+ca5xvJ//dvv+rDP2dmbAzgzY2TAaR+nqNoztaD"
    "YS6xq1JqRGsU4Tkn2xQnPDZgTErLGmZQPCfCqUkBEE4kwpFJSUUldgbDDEY/VHfUNz1ozI"
    "iSMg6rWIkMRXwBUaRWTicWQ/pFpPUhAlT+gUtlYqbOHSrF1SIAfY3qoCvQ9XZxd7Nx/ODt"
    "4cQSKTDMwPXh/51JQy+ZQEihfzPW6ZMkgAAdqGmJO4gN6hRq9rfvoNVzuAtCxq1CqUlQBp"
    "tc4neLFQxzgTe/cbGtnkqwVtlb8JLVzs14ccKRcP33CklXrwQGaG6BUGPX2ycGXqQmts0k"
    "3wQpD+9TgkupIeCzFItIU9nhX+kg/JIbCC0SAD327bQRTfP5fW6X5QYNVyVZ+vU0TCD465"
    "9uuizmJLTdMCG4WKjFuK2AnYJQm9If/XB8HqPaZaewJpZn0ls1sjRTZjAj1BIdYezxPk6o"
    "fOyYcJoZETQ3UQ1UQlru0p218lQikYEdcNGxsus1jyU7R6zbTZriiYCGW+rllnJTrEwB0F"
    "lqSAjenYD1yuVcXoJEyr5WiI3QhfVnGuB6xSkYYEYcofiCuLkeujPipDlkrXJxWE65NC2f"
    "okl/v+KLJReswhNG9TiK42Umm1cbXl+Xk5Mnnd6pSPRLuD3bCmycyivuCokPnHiaCKqRUa"
    "VpnqCXtVbMy9gezhYnnzJRaXDv7xLLFn6UiLTdF1GUkSsMuZaDONE13Nq/oBEiCds7Sg8U"
    "HdGqdpsA6t5T7o4vYStf3QyXagjxO1C33RmcWV8kd/Fgzk8+XFbS/HFBrA7VkwzRPFa4IP"
    "FuC02Mmf8MBDUQWyYmeyqHzHE0F1ajWGdVxWRFEclP0UkTSxwCuu4Yh1GwB+iCd6Knhad0"
    "RNiLKCwJoERsvjawYJIi6Os5FejomYkUCBCmhBEbg7INsj2Rn6VHWi47KqDUTD8jAcVvpD"
    "QIeFt9Yow+t5RJdw8DTiV55cwkF1E17DCQBy89SxhkYArTZcw3qS9XIWFtcJymvlCu34dE"
    "Y8GQPiTUwhfEFoyP5+nlGt9Uml9tuDKhFBB8URQQe5iCDB9JdJBklBtXpZVMjbgD8hy1AO"
    "43NB3FmO5stPs6XOJ8/HIP8sLWld2kGXdrBtk0RL0w5UcQWNehRVXShWjKICD4s1og/Edh"
    "CLioBiyuh8xnxuz9HIZTNd7sBOGC2s6oM7QhgYB2VD84XHG57/jibPqhUTFBI2vgp5A6oo"
    "Q5iikDCBdhkEbeOJZRrYljMIsm65tSUQhKH9ctlCFlCiLq/6kLcpuY+/CHYaRxN8TxDVtv"
    "ZsdOYNpw14lldPP4gAWtaguPezP7QtQ3XjkJ1uQh7JiXtvGUQZm2TKhuUS0HLmeVIuO8mC"
    "0JwqrRrEqJLgnFyzBke+6aA0rrskWFALvVWSlu/egDCJqysTedm5aqge7/91m9I6clXfU0"
    "GK4fBsKfhMJgQhU3s+gKIStZoBZOHa0RIAnle/JYD8FATxc8Bq5SfBeXYnTrg5VOl/uXcE"
    "hfthgKzaf9f78OH06uquB1dVAHbq8vc/NDbrNT1kC00DUnWxxOsOxBdo1k6hyTUF06om6j"
    "IyFVY2vB30KrO4pJhs6DCEvN2dK0bFTfS/6NWumEGcy5hycdwitR8UXdEOpnMkhmmSQBp/"
    "wh2VtbSGROYQJrclNF2TblxYcAaGrkO2J4R/sWHgwRTd/PPjJurI2MxQJbUo85ZLCsjN0O"
    "qI9N6vQkeSze+Uj4rvI3lGQHsaFbkpUziij1Kn59vAM6V8WHQkqEk9C9viHMGG3gu2pqe0"
    "IG4+/dL5NVNa8VwD3c6S542kLjRXdBwOz9rl5WOgduK491G+YJBsh5xAWAtFMLSTMsyHSh"
    "Tsn3CrZCoMcg1TX9MztrIKKAN7nmlJtbLmYsjBtnRNwCGsyAD9SSFgPmxOamDXtYg8b+Mv"
    "iSPtjwtO9FUm2wqVuRAQDDKYWroM6JJ0lzTYBjW8aIfkpfv0rTSl442VdsHlqFg2cMOOub"
    "pE2Tw1lpCJxoyZHNydShsWv7kgr4oLDjbybbQWD990+hIWDw7WWEU9JwnS5vgSmZE8A4VC"
    "VZ2UnItCLp7PIaoKgqcm4RAoSWmTkafPa15qljWrHyEZBvDAJcgXwbWZhluLEcL32JLfOg"
    "BfUx69xdU08pArVtRoG6rrldSI0eELjcxeDpMR6HMuTgJGguWS3iPIdtsX3qn2VKG+EcQS"
    "veC5QiJ5Jl0PtAWWgCecQb9kavbzzHmXKbokL/wnrqc3iboBsZfYV5GXRMyf77BYMq7LkG"
    "/LDnhKAXldxvqzI3mXsf4MaNylWHcN5h4DdkuimZ9Dl6vGg5srd43ScYsGsNyVCmhrWvvj"
    "bMq32SzmdHUHDWGuMJ3fMvh/zeUd1hEm3MROkJ81yGQohB/pwmINi2WeBmkJCovMlQSYkn"
    "mI3WD7RLQJbiVbIXoTl/njSXw5rLmhZWni+iCH5u/lORfJM0GXepE5M0oyMLIjFyZinFGE"
    "bduC+JhUM6bAYe+4bGRBU6YH5k75hBAvKEbIlfcC9gwsPhPiqWTDOl8TlrOuhyzOweiyIV"
    "qZDaEvhVtsXiuoe9sq02Uysr2P+ATamwQm5UTYi1zPFLnEYa7HoyrHhktMFfl4Jz/2rqeJ"
    "qljHAzYfVr9kPP3WAumXCnYMq5rLAyNf1lwxvrJy6IsBtxwkH+Q3FBZBL97MechWE/MHV7"
    "zonslUdCi8cj5rAe2ETQtTAaRh1KVmLzc2a3nJg5dVNrAYVVz04GVuA4e+pFoOkhRQ2xKb"
    "PoaFlyGTjAcl5zGVkTbQo7cvFQcs/nawfENNuONSU2ye+6pzoA7lYohNurbChF2Ndyt1K9"
    "PHBrLKvsXpvqcyvCY8C6FldnAOQo+BPBHrg2/YHfZIHJMOkbJ6nnbJG5kCNOoOYN8R+sC9"
    "9Dpynzt6D+Xi4ZvuQBSqLnnilCSMJYHakS0Gj62dLQbWFsr2FHl4Qo3bcVzrHhtzFMf3ni"
    "Lxglw+FLp97f0dQoG/oTnhsrQP911N/u86HrDlLLHoGwYFsTnForAGtMV5pWd0rvpBxl0N"
    "kvXooFYd9IJEeMh8L5B2xbqU2xuUmThMXGdYaHTuLYvUlA2CFT4AYcHyZtpaY4vSDfRztD"
    "ftYI7Um0K6iBcoQIJO2DL12QJa9rDUJFtJM7DovVU/pygB1VJKXqo3lAVTUoW+xEtNCKg2"
    "QhwWp7U9h93nU+DY+oC8lWbaUoKQZ42sIMWOzLAuVrXEuqWFbqTOx9oMHJBnKWTL0Qgl35"
    "6jMUM7TI7DYlIm7vvUJpyjm6vbn8H8JFXZsTiEzahDR7E1ZE1P2bzO3MWx9Z5DwItJDMtc"
    "isxpyC6sqW1UzkWIVPGsy0MbF2WN1vCuX0YTPVrKLygc/wRjEGQNCjDqQnlbcTaJDzSm/F"
    "QlGSSzn6W8CtYlTqD3mzi+ZBvLHXjmaT5qIW9NXgHxQeb1aoiPagO2AvENr0xZZWxFBN2A"
    "DPMLf1JI6oJcWhXkkqx8J5FZPdYlH6yXDHlJ3m068iWqzvJZ2th7muCX7JB+WfyLEw4euP"
    "HoxTEwaMaoN3nBBeYx5Y74SmrMA7t/HwqG/pdQVTomesApAvyD886n8qfQSaGChdQ18naq"
    "pp9wJxQfuGhpTKBHu+sIjjm3xoVpwdrwGE0ucLCwW7sZg0Tgvx0cHB4eH7w8PDp58/r4+M"
    "3JyygjOH+rLDX4/PIfYCtICaqh8aA4OMYhrsVqVTuIIZqxA6+lOugFFiq2iV21Ffroy2/i"
    "397V1Ze84l8+tFR7LyNHqLsfF2rux1m9fchMTTxysWk+HN/qiAbwpijWg8hXwRntOVRaix"
    "gP2jHAA2oZ2Ebgudh9q7zYYJDziJRo4Re9l6ahebdsiYeQDEK9JYr1puFavQxuPpztHbw5"
    "gsqcX2DdfgmDypgKKgtIyRkSMhijRMYzSCVG6iSOpu5nM1NuuEBvLDTUN9tkYTv73GO23K"
    "yo0pSKulIFvFGF3nVybup+qZArDeIDnhhaQcLl1pgSc8+igT09Kp4dzNNHUzBXBPtU8mX3"
    "rfzdYGxqEZkZEYSTYuSxKdE0sV/fY7pI70ca6S1JWPscTUO1WKhNHHjxIhbLXZFLLWAw4Q"
    "lqihMMAZqGmMtz74Und0t4Elqa/dT47Bs+WQUPqFemJAJoteDkYM4hHhvtcAIRBWJWiNcV"
    "ZLBsG5k+2ZUVM1xmo52ZzwUliId8B91e3/68q5qZ2TlaNzVpV6CjE5zWVKCDE8GUlyzOkY"
    "DtSN1qUivxsp7UlITpyjWUFxSQuMojt3aOex2fUksRuzDJPbmu2tQlLcZ9kSYXEmaRGufz"
    "qi3TzpKhcH2EzZnQsoSAkHIlK30r8DGDEuUQ5thEZc1iQ/oSdHG0zc7daWuPVFuD1Vg3Nz"
    "cJ015NrboPKK0TVYkFPCoOBTzKd5UK5PzaOnEOsNU6EnbHjB5YZh9d/3p28zOCrLeZYN5u"
    "otj7iSYvsgZceRTnmzdVojjfvCmO4oR7adrV7fT8KHo8K2Zf1ps5T6RKIBsuEe8xzxFqhl"
    "ArNRpKhUK3Gfh2l7sFrR+pl+3HBWrfSqOArHUDh3TQ2FTGQrszLl0sps5vt+Jk2y+JK2mX"
    "SC5cjviJCdpN/bOAWkGtYhOZvuyIKQi25zt9CJZHc+KFxNLlWCw3RUsorSwKHnHytC4LU8"
    "nDLlW+foMlrOBlpYVPNhBA8NoymhQWc1+6UeUuDAy+QV8B5D1YRoF7ftUJtxgwk4iytziQ"
    "om4KVRKsnTlUTUj/TWaqcfHGM1YTzQmodmK59068XqSwqn7gX2Z4SpDr0y9vkUtGctULEU"
    "dInKYvdT1d2fglZ9kKLUfYsqWx3SMzx6vTmlID2a4GlTfWmO7JQjku8zwbTjGHuCFpNF61"
    "xePX3/1xKlBa0tSixJqege1ShdpsTO/cY8+CzF1F5g06ULqKzOusyFwlrzEI5moiKSoR8f"
    "Y4+VfjiVGljqcz4lrGpKfxOgV3+mUuJxyPWeRuKkZDw86d55JUsqLwWOyzuScu13LCYrt0"
    "AqTNpuklfTZrMf3DpqqB4WD4E8Tuq0rlMV6VlMd4pSmPofIm8hgurp2WANl85bTtiEyN1S"
    "Hbakj89/8HPPiENQ=="
)
