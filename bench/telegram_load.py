"""Load benchmark of the real bot against the fake Bot API: ``python -m bench.telegram_load``.

1. Raw capacity: the rate limiter off, N questions from N distinct private chats pushed at
   once; updates per second from the push to the last reply the server accepted.
2. Memory: the bot's resident memory after a warm-up (5,000 chats), and again after 10,000
   more distinct chats (in batches of 1,000); the growth, and its course every 2,000 chats.
3. Fairness: limits on, one group floods the bot with 400 questions; how long a private
   question and an inline query then take to be answered.
4. Pacing: a burst of 300 private questions and 40 in one group against a server that enforces
   Telegram's limits; the 429s it had to send and the peak sends in any one second.

Numbers vary with the machine's load; run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from tests import telegram_updates as tg
from tests.conftest import TOKEN, RunningBot, launch, started
from tests.fake_telegram import FakeBotApi

QUESTION = "Wie viel Geld investiert Alibaba?"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _replies(api: FakeBotApi) -> int:
    return api.accepted["sendMessage"]


def push_and_wait(api: FakeBotApi, first_chat: int, count: int, timeout: float = 300) -> float:
    """Push ``count`` questions from distinct chats at once; seconds until all are answered."""
    target = _replies(api) + count
    begun = time.perf_counter()
    api.push_many([tg.message(QUESTION, chat_id=first_chat + n) for n in range(count)])
    api.wait_until(lambda: _replies(api) >= target, timeout)
    return time.perf_counter() - begun


def _bot(home: Path, api: FakeBotApi, **settings: str) -> RunningBot:
    return started(launch(api, home, log_level="WARNING", **settings), timeout=60)


def capacity_and_memory(home: Path, count: int, chats: int, **settings: str) -> None:
    api = FakeBotApi(TOKEN, limits=False).start()
    bot = _bot(home, api, rate_limits="false", flood_questions_per_minute="0", **settings)
    try:
        push_and_wait(api, 1_000_000, 5_000)  # warm-up: caches, pools and arenas fill
        bot_cpu, own_cpu = cpu_seconds(bot.process.pid), time.process_time()
        runs = [count / push_and_wait(api, 2_000_000 + n * count, count) for n in range(3)]
        bot_cpu = (cpu_seconds(bot.process.pid) - bot_cpu) / (3 * count) * 1000
        own_cpu = (time.process_time() - own_cpu) / (3 * count) * 1000
        print(
            f"capacity: {count} updates from {count} chats, rate limiter off: "
            + ", ".join(f"{r:.0f}" for r in runs)
            + f" updates/s (best {max(runs):.0f}); CPU per update: bot {bot_cpu:.2f} ms, "
            f"fake server {own_cpu:.2f} ms"
        )
        before = rss_mb(bot.process.pid)
        next_chat = 3_000_000
        batch = 1_000
        trace = []
        for n in range(chats // batch):
            push_and_wait(api, next_chat, batch)
            next_chat += batch
            if (n + 1) % 2 == 0:
                trace.append(f"{rss_mb(bot.process.pid) - before:+.1f}")
        after = rss_mb(bot.process.pid)
        print(
            f"memory: RSS {before:.1f} MB after warm-up, {after:.1f} MB after {chats} more "
            f"distinct chats: growth {after - before:+.1f} MB (every 2,000 chats: "
            f"{', '.join(trace)} MB)"
        )
        bot.stop()
    finally:
        if bot.process.poll() is None:
            bot.process.kill()
        api.stop()


def fairness_and_pacing(home: Path) -> None:
    api = FakeBotApi(TOKEN).start()
    bot = _bot(home, api, chat_queue_limit="500")
    try:
        since = api.mark()
        group = -7000
        last = api.push_many(
            [
                tg.message(f"/ask {QUESTION}", chat_id=group, chat_type="group", user_id=10_000 + n)
                for n in range(400)
            ]
        )[-1]
        api.wait_until(lambda: api.confirmed >= last and len(api.sent_to(group)) >= 20, 60)
        private, inline = [], []
        for n in range(5):
            mark = api.mark()
            begun = time.perf_counter()
            api.push(tg.message(QUESTION, chat_id=7100 + n))
            api.wait_for("sendMessage", since=mark, where=lambda p, c=7100 + n: p["chat_id"] == c)
            private.append(time.perf_counter() - begun)
            begun = time.perf_counter()
            api.push(tg.inline("how many startups"))
            api.wait_for("answerInlineQuery", since=mark)
            inline.append(time.perf_counter() - begun)
        print(
            f"fairness: with 380 replies waiting in one group, a private question answered in "
            f"max {max(private) * 1000:.0f} ms, an inline query in max {max(inline) * 1000:.0f} ms "
            f"(5 each); group replies in the first minute: {len(api.sent_to(group, since=since))}"
        )
        rejected = api.statuses[429]
        since = api.mark()
        burst = [tg.message(QUESTION, chat_id=8000 + n) for n in range(300)]
        burst += [
            tg.message(f"/ask {QUESTION}", chat_id=-8000, chat_type="group", user_id=20_000 + n)
            for n in range(40)
        ]
        begun = time.perf_counter()
        api.push_many(burst)
        api.wait_until(lambda: all(api.sent_to(8000 + n, since=since) for n in range(300)), 120)
        took = time.perf_counter() - begun
        assert api.limits is not None
        print(
            f"pacing: 300 private + 40 group questions at once: private answered in {took:.1f} s, "
            f"{api.statuses[429] - rejected} responses 429, peak {api.limits.peak_per_second} "
            f"sends in one second, peak {api.limits.peak_per_group_minute} in one group "
            f"in 60 s"
        )
        bot.stop()
    finally:
        if bot.process.poll() is None:
            bot.process.kill()
        api.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000, help="updates per capacity run")
    parser.add_argument("--chats", type=int, default=10_000, help="distinct chats for memory")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-telegram-"))
    try:
        capacity_and_memory(home / "capacity", args.count, args.chats)
        fairness_and_pacing(home / "fairness")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
