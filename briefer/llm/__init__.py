"""What the ``openai`` backend is made of, one job per module.

    prompts.py   Jinja2 templates → chat messages; the dry run (`briefer prompts show`)
    schema.py    the reply the model must give, its strict JSON Schema, parsing a reply
    findings.py  a parsed reply → a Draft whose every quote is found in the chunk text
    structured.py  the response format the server takes, and re-asking until the reply is usable
    client.py    the chat call: retries, timeouts, errors in plain words
    retries.py   backoff with jitter, Retry-After (pure)
    cache.py     the sqlite response cache
    usage.py     calls and tokens counted per stage; the --max-tokens-total budget

Nothing here imports ``openai`` at module level, so `briefer --help`, the extractive backend and
`briefer prompts show` never load it.
"""
