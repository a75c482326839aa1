"""Interface text in English and Japanese, and the slash-command translator.

The answer itself comes from the engine in the question's language; everything around it
(labels, buttons, refusals, errors) comes from here. Japanese is used when the user's Discord
locale is Japanese or the question is Japanese (:func:`pick_language`).
"""

from __future__ import annotations

import logging

from discord import Locale, app_commands

from bot.engine import detect_language

log = logging.getLogger(__name__)

LANGS = ("en", "ja")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "disclaimer": "Not legal advice: general information from the cited sources. Check each source and its date.",
        "verified": "verified",
        "open_source": "Open source",
        "no_link": "(no link)",
        "question": "Question",
        "shortened": "(shortened: see “Sources & quotes” and the linked pages)",
        "see_also": "See also",
        "btn_sources": "Sources & quotes",
        "btn_pin": "Pin",
        "curated_title": "📌 A moderator pinned an answer to a similar question",
        "curated_open": "Open the pinned answer",
        "quotes_title": "Quoted passages",
        "no_sources": "This answer has no sources: I couldn't answer that question from my corpus.",
        "answer_missing": "I no longer have the details of this answer. Please ask again.",
        "too_long": "Your question is {length:,} characters long; the limit is {limit:,}. Please shorten it and ask again.",
        "cooldown": "You're asking quickly. Please wait {seconds} s before your next question.",
        "empty_question": "Please type a question (it has no words I can search for).",
        "mention_help": "Ask me a question after the mention, for example: “@{name} how do I stop GPTBot from crawling my site?”",
        "timeout": "Sorry, finding an answer took too long. Please try again in a moment.",
        "generic_error": "Sorry, something went wrong on my side. Please try again later.",
        "vote_up": "Thanks! Your 👍 is recorded.",
        "vote_down": "Thanks! Your 👎 is recorded; maintainers review these answers.",
        "vote_same": "Your vote is already recorded. Click the other button to change it.",
        "vote_changed": "Your vote is changed to {vote}.",
        "pin_not_moderator": (
            "Only moderators can pin answers (Pin Messages or Manage Messages permission, or a moderator role)."
        ),
        "pin_bot_missing": "I can't pin messages here: I need the {permissions} permission{plural} in this channel.",
        "perm_pin_messages": "**Pin Messages**",  # Manage Messages alone no longer pins (2026-02-23)
        "perm_view_channel": "**View Channel**",
        "perm_read_message_history": "**Read Message History**",
        "and": " and ",
        "pin_limit": ("This channel already has 250 pinned messages, Discord's maximum. Unpin one and try again."),
        "pin_unavailable": "Answers can only be pinned in a server channel, and not when only you can see them.",
        "pin_failed": "Discord refused to pin this answer ({error}). Please try again later.",
        "pinned": "📌 Pinned. Similar questions in this server will link to this answer.",
        "already_pinned": "This answer is already pinned; similar questions link to it.",
        "sources_title": "Sources",
        "sources_title_j": "Sources: {jurisdiction}",
        "sources_page": "Page {page}/{pages} · {count} sources",
        "sources_none": "No sources for that jurisdiction.",
        "prev": "Previous",
        "next": "Next",
        "about_title": "About kenri",
        "about_description": (
            "kenri answers questions about AI and copyright and about opting out of AI training, "
            "from an indexed corpus of official guidance and vendor policies. Every answer cites its "
            "sources with the date each was verified. Not legal advice."
        ),
        "about_version": "Corpus version",
        "about_ingest": "Last ingest",
        "about_documents": "Sources",
        "about_documents_value": "{documents} ({ja} in Japanese)",
        "about_chunks": "Indexed passages",
        "about_jurisdictions": "By jurisdiction",
        "about_embedding": "Encoder",
        "maintainer_only": "Only the bot owner or members with the Manage Server permission can do this.",
        "reload_ok": "Switched the index {old} → {new}. Questions already in progress finish on the old index.",
        "reload_same": "Already serving the latest published index ({version}).",
        "reload_failed": "Reload failed; still serving {version}. Error: {error}",
        "optout_unavailable": "The opt-out checklists are unavailable right now; the maintainers have been told in the log.",
        "optout_not_found": "I have no opt-out checklist for “{query}”.",
        "optout_suggest": " Did you mean: {names}?",
        "optout_available": " Available: {names}.",
        "robots_unavailable": "The AI-crawler list is unavailable right now; the maintainers have been told in the log.",
        "robots_title": "robots.txt for AI crawlers: {policy}",
        "robots_intro": (
            "This file {policy_text}. Save it as robots.txt at the top of your site "
            "(https://your-site.example/robots.txt), or merge its groups into the file you have. "
            "robots.txt is a request, not a lock: crawlers choose whether to obey it."
        ),
        "robots_check_title": "robots.txt check",
        "robots_full_report": "The full report is in the attached file.",
        "robots_too_big": (
            "That file is {size:,} bytes; I check files up to {limit:,} bytes ({kib} KiB). "
            "A robots.txt is usually a few KiB: check that you attached the right file."
        ),
        "robots_bad_input": "I can't check that file: {error}",
        "robots_modal_title": "Check a robots.txt",
        "robots_modal_label": "Paste your robots.txt",
        "stats_title": "kenri statistics",
        "stats_scope_guild": "This server",
        "stats_scope_all": "All servers",
        "stats_line": (
            "Questions: {questions} ({last7} in the last 7 days)\n"
            "Unanswered: {unanswered}\n"
            "Feedback: 👍 {up} · 👎 {down}\n"
            "Pinned answers: {curated}"
        ),
        "help": (
            "Hi! I answer questions about AI and copyright and about opting out of AI training, and every answer "
            "cites its sources. Ask with **/ask**, or mention me with your question (“@{name} how do I stop "
            "GPTBot?”); I answer in a thread. To follow up, reply to my answer or mention me in the thread. "
            "In a DM, just type your question. More: **/optout**, **/robots**, **/robots-check**, **/sources**, "
            "**/about**. Not legal advice."
        ),
        "you_are_welcome": "You're welcome! Ask me again any time.",
        "discord_busy": "Discord is rate-limiting me right now, so I couldn't post the answer. Please try again in a minute.",
        "cant_post_here": (
            "I couldn't post my answer here (I may lack permission to send messages or to post in threads in "
            "this channel). Please tell a moderator, or use /ask."
        ),
        "thread_hint": (
            "I can only read messages that mention me. To follow up, mention me (@{name}) or reply to my answer."
        ),
        "mentions_elsewhere": "In this server I answer mentions in {channels}. /ask works everywhere.",
        "owner_only": "Only the bot's owners can do this.",
        "reload_cooldown": "The index was reloaded recently. Please wait {seconds} s before reloading again.",
        "manage_server_only": "Only members with the Manage Server permission can change kenri's settings here.",
        "guild_only": "This command only works in a server.",
        "config_title": "kenri settings for this server",
        "config_jurisdiction": "Default jurisdiction",
        "config_visibility": "/ask answers are shown to",
        "config_mentions": "Mentions answered in",
        "config_forum": "Forum auto-answer",
        "config_auto": "automatic: {value}",
        "config_all": "all jurisdictions",
        "config_everywhere": "every channel",
        "config_off": "off",
        "visibility_public": "everyone in the channel",
        "visibility_private": "only the asker",
        "config_saved": "Saved.",
        "config_not_forum": "{channel} is not a forum channel.",
        "config_forum_permissions": (
            "Saved, but I need {permissions} in {channel} to answer posts there and apply its “solved” tag."
        ),
        "btn_solved": "Solved",
        "solved_tagged": "✅ Marked as solved and tagged “{tag}”.",
        "solved_no_tag": "✅ Marked as solved. This forum has no “solved” tag, so no tag was applied.",
        "solved_already": "This post is already tagged “{tag}”.",
        "solved_not_asker": "Only the person who asked, or a moderator, can mark this post as solved.",
        "solved_failed": "I couldn't apply the “{tag}” tag: I need the Manage Threads permission in this forum.",
        "solved_unavailable": "This button only works in a forum post.",
        "ctx_answered_in": "Answered in {link}.",
        "ctx_no_text": "That message has no text I can answer (I only read its text, not images or embeds).",
        "about_server": "This server",
        "about_server_value": "Jurisdiction: {jurisdiction} · /ask answers: {visibility} · Mentions: {mentions} · Forum: {forum}",
    },
    "ja": {
        "help": (
            "こんにちは！AIと著作権、AI学習のオプトアウトについての質問に、出典つきで答えます。**/ask** で質問するか、"
            "メンションして質問してください（「@{name} GPTBotを止めるには？」）。回答はスレッドに投稿します。"
            "続けて質問するときは、回答に返信するか、スレッドでメンションしてください。DMでは質問をそのまま送れます。"
            "ほかに **/optout**、**/robots**、**/robots-check**、**/sources**、**/about** があります。法的助言ではありません。"
        ),
        "you_are_welcome": "どういたしまして。いつでも質問してください。",
        "discord_busy": "Discordの送信制限にかかっているため、回答を投稿できませんでした。1分ほどしてからもう一度お試しください。",
        "cant_post_here": (
            "ここに回答を投稿できませんでした（このチャンネルでメッセージやスレッドに投稿する権限がないのかもしれません）。"
            "モデレーターに伝えるか、/ask をお使いください。"
        ),
        "thread_hint": "メンションされたメッセージしか読めません。続けて質問するには、メンション（@{name}）するか回答に返信してください。",
        "mentions_elsewhere": "このサーバーでは {channels} でのメンションに答えます。/ask はどこでも使えます。",
        "owner_only": "これはボットの管理者だけが実行できます。",
        "reload_cooldown": "索引は先ほど再読み込みされました。{seconds}秒待ってからもう一度お試しください。",
        "manage_server_only": "このサーバーのkenriの設定を変えられるのは「サーバー管理」権限のあるメンバーだけです。",
        "guild_only": "このコマンドはサーバー内でのみ使えます。",
        "config_title": "このサーバーのkenriの設定",
        "config_jurisdiction": "既定の法域",
        "config_visibility": "/ask の回答の表示先",
        "config_mentions": "メンションに答えるチャンネル",
        "config_forum": "フォーラムの自動回答",
        "config_auto": "自動：{value}",
        "config_all": "すべての法域",
        "config_everywhere": "すべてのチャンネル",
        "config_off": "オフ",
        "visibility_public": "チャンネルの全員",
        "visibility_private": "質問者のみ",
        "config_saved": "保存しました。",
        "config_not_forum": "{channel} はフォーラムチャンネルではありません。",
        "config_forum_permissions": "保存しましたが、{channel} の投稿に答えて「解決済み」タグを付けるには {permissions} 権限が必要です。",
        "btn_solved": "解決済み",
        "solved_tagged": "✅ 解決済みにして「{tag}」タグを付けました。",
        "solved_no_tag": "✅ 解決済みにしました。このフォーラムには「解決済み」タグがないため、タグは付けていません。",
        "solved_already": "この投稿にはすでに「{tag}」タグが付いています。",
        "solved_not_asker": "解決済みにできるのは、質問した人かモデレーターだけです。",
        "solved_failed": "「{tag}」タグを付けられませんでした。このフォーラムで「スレッドの管理」権限が必要です。",
        "solved_unavailable": "このボタンはフォーラムの投稿でのみ使えます。",
        "ctx_answered_in": "{link} で回答しました。",
        "ctx_no_text": "このメッセージには答えられる文章がありません（画像や埋め込みは読みません）。",
        "about_server": "このサーバー",
        "about_server_value": "法域：{jurisdiction} · /ask の回答：{visibility} · メンション：{mentions} · フォーラム：{forum}",
        "disclaimer": "法的助言ではありません。引用した出典に基づく一般的な情報です。各出典と確認日をご確認ください。",
        "verified": "確認日",
        "open_source": "出典を開く",
        "no_link": "（リンクなし）",
        "question": "質問",
        "shortened": "（省略あり：「出典と引用」とリンク先をご覧ください）",
        "see_also": "関連する出典",
        "btn_sources": "出典と引用",
        "btn_pin": "ピン留め",
        "curated_title": "📌 似た質問への回答をモデレーターがピン留めしています",
        "curated_open": "ピン留めされた回答を開く",
        "quotes_title": "引用した箇所",
        "no_sources": "この回答には出典がありません（手元の資料では答えられませんでした）。",
        "answer_missing": "この回答の詳細はもう残っていません。もう一度質問してください。",
        "too_long": "質問が{length:,}文字あります。上限は{limit:,}文字です。短くしてもう一度質問してください。",
        "cooldown": "質問の間隔が短すぎます。{seconds}秒ほど待ってから次の質問をしてください。",
        "empty_question": "質問を入力してください（検索できる語が含まれていません）。",
        "mention_help": "メンションのあとに質問を書いてください。例：「@{name} GPTBotのクロールを止めるには？」",
        "timeout": "回答の作成に時間がかかりすぎました。少し待ってからもう一度お試しください。",
        "generic_error": "申し訳ありません、内部でエラーが発生しました。しばらくしてからもう一度お試しください。",
        "vote_up": "ありがとうございます。👍を記録しました。",
        "vote_down": "ありがとうございます。👎を記録しました。メンテナーが回答を見直します。",
        "vote_same": "この評価はすでに記録されています。変更するにはもう一方のボタンを押してください。",
        "vote_changed": "評価を{vote}に変更しました。",
        "pin_not_moderator": (
            "回答をピン留めできるのはモデレーターだけです（「メッセージのピン留め」または"
            "「メッセージの管理」権限、あるいはモデレーターのロールが必要です）。"
        ),
        "pin_bot_missing": "このチャンネルでピン留めできません。botに{permissions}権限を付与してください。",
        "perm_pin_messages": "「**メッセージのピン留め**」",
        "perm_view_channel": "「**チャンネルを見る**」",
        "perm_read_message_history": "「**メッセージ履歴を読む**」",
        "and": "と",
        "pin_limit": "このチャンネルのピン留めはDiscordの上限の250件に達しています。どれかを外してからもう一度お試しください。",
        "pin_unavailable": "ピン留めできるのはサーバーのチャンネルの回答だけです（自分だけに表示される回答は除く）。",
        "pin_failed": "Discordがピン留めを拒否しました（{error}）。しばらくしてからもう一度お試しください。",
        "pinned": "📌 ピン留めしました。このサーバーで似た質問があると、この回答へのリンクを表示します。",
        "already_pinned": "この回答はすでにピン留めされています。似た質問にはこの回答へのリンクを表示します。",
        "sources_title": "出典一覧",
        "sources_title_j": "出典一覧：{jurisdiction}",
        "sources_page": "{page}/{pages}ページ · 出典{count}件",
        "sources_none": "その法域の出典はありません。",
        "prev": "前へ",
        "next": "次へ",
        "about_title": "kenriについて",
        "about_description": (
            "kenriは、AIと著作権、AI学習のオプトアウトについての質問に、公的なガイダンスや事業者の"
            "方針を集めた資料から答えます。すべての回答に出典と確認日を示します。法的助言ではありません。"
        ),
        "about_version": "資料のバージョン",
        "about_ingest": "最終取り込み",
        "about_documents": "出典数",
        "about_documents_value": "{documents}件（うち日本語{ja}件）",
        "about_chunks": "索引済みの箇所",
        "about_jurisdictions": "法域別",
        "about_embedding": "エンコーダー",
        "maintainer_only": "この操作はbotのオーナーか「サーバー管理」権限を持つメンバーだけが行えます。",
        "reload_ok": "索引を{old} → {new}に切り替えました。処理中の質問は古い索引のまま完了します。",
        "reload_same": "すでに最新の索引（{version}）を使っています。",
        "reload_failed": "切り替えに失敗しました。引き続き{version}を使います。エラー：{error}",
        "optout_unavailable": "オプトアウト手順は現在利用できません（詳細はメンテナー向けのログにあります）。",
        "optout_not_found": "「{query}」のオプトアウト手順はありません。",
        "optout_suggest": "もしかして：{names}",
        "optout_available": " 対応しているもの：{names}",
        "robots_unavailable": "AIクローラーの一覧は現在利用できません（詳細はメンテナー向けのログにあります）。",
        "robots_title": "AIクローラー向けのrobots.txt：{policy}",
        "robots_intro": (
            "このファイルは{policy_text}。サイトの最上位にrobots.txtとして置くか"
            "（https://your-site.example/robots.txt）、今のファイルにグループを追加してください。"
            "robots.txtは「お願い」であって鍵ではなく、従うかどうかはクローラー次第です。"
        ),
        "robots_check_title": "robots.txtのチェック",
        "robots_full_report": "完全な結果は添付ファイルにあります。",
        "robots_too_big": (
            "このファイルは{size:,}バイトあります。チェックできるのは{limit:,}バイト（{kib} KiB）までです。"
            "robots.txtは通常数KiBなので、添付したファイルが正しいか確認してください。"
        ),
        "robots_bad_input": "このファイルはチェックできません：{error}",
        "robots_modal_title": "robots.txtをチェック",
        "robots_modal_label": "robots.txtを貼り付けてください",
        "stats_title": "kenriの統計",
        "stats_scope_guild": "このサーバー",
        "stats_scope_all": "全サーバー",
        "stats_line": (
            "質問数：{questions}（直近7日：{last7}）\n"
            "回答できなかった質問：{unanswered}\n"
            "評価：👍 {up} · 👎 {down}\n"
            "ピン留めされた回答：{curated}"
        ),
    },
}


def t(lang: str, key: str, **values: object) -> str:
    """Return the interface string ``key`` in ``lang`` (English when missing), formatted."""
    table = TEXT.get(lang, TEXT["en"])
    template = table.get(key) or TEXT["en"][key]
    return template.format(**values) if values else template


def pick_language(locale: Locale | str | None = None, text: str | None = None) -> str:
    """Choose the interface language: Japanese for a Japanese locale or a Japanese text."""
    value = locale.value if isinstance(locale, Locale) else (locale or "")
    if value.lower().startswith("ja"):
        return "ja"
    if text and detect_language(text) == "ja":
        return "ja"
    return "en"


# Japanese for slash-command descriptions, option descriptions and choice names. Command and
# option *names* stay English so they are the same in every server and in the docs.
COMMAND_TEXT_JA: dict[str, str] = {
    "Ask about AI and copyright or opting out of AI training; answers cite their sources.": "AIと著作権、AI学習のオプトアウトについて質問（出典つきで回答）",
    "Your question, in English or Japanese": "質問（日本語または英語）",
    "Only use sources for this place (plus platform policies)": "この法域の出典だけを使う（事業者の方針も含む）",
    "Show the answer only to you": "自分だけに回答を表示する",
    "List the sources kenri answers from, with the date each was verified.": "kenriが回答に使う出典と確認日の一覧",
    "Only list sources for this jurisdiction": "この法域の出典だけを表示",
    "Show kenri's corpus version, last ingest and counts.": "kenriの資料のバージョン・最終取り込み・件数を表示",
    "Maintainer commands for kenri.": "kenriのメンテナー用コマンド",
    "Switch to the latest published index without restarting (bot owners).": "再起動せずに最新の索引に切り替える（ボットの管理者用）",
    "Show or change kenri's settings for this server (Manage Server).": "このサーバーのkenriの設定を表示・変更（サーバー管理）",
    "Show kenri's settings for this server.": "このサーバーのkenriの設定を表示",
    "Jurisdiction used when a question does not choose one.": "質問で法域を選ばなかったときに使う法域",
    "Automatic uses Japan in a server whose Discord language is Japanese": "自動：Discordの言語が日本語のサーバーでは日本",
    "Who sees /ask answers by default.": "/ask の回答を既定で誰に表示するか",
    "/ask's private option still overrides this": "/ask の private オプションが優先されます",
    "Choose the channels where kenri answers mentions.": "kenriがメンションに答えるチャンネルを選ぶ",
    "Add or remove a channel, or answer everywhere": "チャンネルを追加・削除するか、すべてのチャンネルで答える",
    "The channel (default: this one)": "チャンネル（既定：このチャンネル）",
    "Answer every new post in a forum channel (leave empty to stop).": "フォーラムの新しい投稿すべてに回答（空欄で停止）",
    "The forum channel whose new posts kenri answers": "kenriが新しい投稿に回答するフォーラムチャンネル",
    "Automatic (Japan for a Japanese server, else all)": "自動（日本語のサーバーでは日本、それ以外はすべて）",
    "All jurisdictions": "すべての法域",
    "Everyone in the channel": "チャンネルの全員",
    "Only the asker": "質問者のみ",
    "Answer mentions in this channel too": "このチャンネルでもメンションに答える",
    "Stop answering mentions in this channel": "このチャンネルではメンションに答えない",
    "Answer mentions in every channel": "すべてのチャンネルでメンションに答える",
    "Show question and feedback counts (maintainers).": "質問数と評価の集計を表示（メンテナー用）",
    "Show the opt-out checklist for a platform (ChatGPT, Claude, Instagram, X, ...).": "プラットフォーム別のオプトアウト手順を表示（ChatGPT・Claude・Instagram・Xなど）",
    "Platform, product or service name": "プラットフォーム・製品・サービスの名前",
    "Make a robots.txt that blocks AI crawlers.": "AIクローラーを拒否するrobots.txtを作成",
    "Which crawlers to block": "拒否するクローラー",
    "Check a robots.txt against AI crawlers (attach the file, or paste it).": "robots.txtをAIクローラーについてチェック（ファイルを添付するか貼り付け）",
    "Your robots.txt file (leave empty to paste the text instead)": "robots.txtファイル（空欄なら貼り付け用の画面を開く）",
    "Also check this path, for example /gallery/": "このパスもチェックする（例：/gallery/）",
    "AI training crawlers (default)": "AIの学習用クローラー（既定）",
    "AI training and AI search crawlers": "AIの学習用とAI検索用のクローラー",
    "Every AI crawler": "すべてのAIクローラー",
    "Japan": "日本",
    "United States": "米国",
    "European Union": "EU",
    "United Kingdom": "英国",
    "International (platforms and vendors)": "国際（プラットフォーム・事業者）",
}


class KenriTranslator(app_commands.Translator):
    """Translate command descriptions and choice names to Japanese when syncing."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        if locale is not Locale.japanese:
            return None
        if context.location in (
            app_commands.TranslationContextLocation.command_name,
            app_commands.TranslationContextLocation.group_name,
            app_commands.TranslationContextLocation.parameter_name,
        ):
            return None
        return COMMAND_TEXT_JA.get(string.message)
