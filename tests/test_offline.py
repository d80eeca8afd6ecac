"""Offline means offline: the suite cannot reach the network, and briefing does not try to."""

from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketConnectBlockedError

import briefer
from briefer.tokenizer import _load_encoding


def test_outside_network_is_blocked():
    with pytest.warns(UserWarning), pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("93.184.216.34", 80), timeout=1)


def test_loopback_is_allowed():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=1):
            pass


def test_extractive_briefing_with_every_socket_refused(seed, monkeypatch, tmp_path):
    """Not even a loopback connection: the default path never opens one."""
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path))
    _load_encoding.cache_clear()

    def refuse(*args, **kwargs):
        raise AssertionError("briefer opened a socket")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    try:
        b = briefer.brief(seed)
    finally:
        _load_encoding.cache_clear()
    assert b.title.startswith("Alaska Summit")
