"""Interface text in English and Japanese, and the slash-command translator.

The answer itself comes from the engine in the question's language; everything around it
(labels, buttons, refusals, errors) comes from here. Japanese is used when the user's Discord
locale is Japanese or the question is Japanese (:func:`pick_language`).
"""

from __future__ import annotations

import logging

from discord import Locale, app_commands

from bot.engine import detect_language
from bot.knowledge import Messages, Text, lookup

log = logging.getLogger(__name__)

TEXT: Messages = {
    "disclaimer": Text(
        en="Not legal advice: general information from the cited sources. Check each source and its date.",
        ja="法的助言ではありません。引用した出典に基づく一般的な情報です。各出典と確認日をご確認ください。",
    ),
    "verified": Text(en="verified", ja="確認日"),
    "open_source": Text(en="Open source", ja="出典を開く"),
    "no_link": Text(en="(no link)", ja="（リンクなし）"),
    "question": Text(en="Question", ja="質問"),
    "shortened": Text(
        en="(shortened: see “Sources & quotes” and the linked pages)",
        ja="（省略あり：「出典と引用」とリンク先をご覧ください）",
    ),
    "see_also": Text(en="See also", ja="関連する出典"),
    "btn_sources": Text(en="Sources & quotes", ja="出典と引用"),
    "btn_pin": Text(en="Pin", ja="ピン留め"),
    "curated_title": Text(
        en="📌 A moderator pinned an answer to a similar question",
        ja="📌 似た質問への回答をモデレーターがピン留めしています",
    ),
    "curated_open": Text(en="Open the pinned answer", ja="ピン留めされた回答を開く"),
    "quotes_title": Text(en="Quoted passages", ja="引用した箇所"),
    "no_sources": Text(
        en="This answer has no sources: I couldn't answer that question from my corpus.",
        ja="この回答には出典がありません（手元の資料では答えられませんでした）。",
    ),
    "answer_missing": Text(
        en="I no longer have the details of this answer. Please ask again.",
        ja="この回答の詳細はもう残っていません。もう一度質問してください。",
    ),
    "too_long": Text(
        en="Your question is {length:,} characters long; the limit is {limit:,}. Please shorten it and ask again.",
        ja="質問が{length:,}文字あります。上限は{limit:,}文字です。短くしてもう一度質問してください。",
    ),
    "cooldown": Text(
        en="You're asking quickly. Please wait {seconds} s before your next question.",
        ja="質問の間隔が短すぎます。{seconds}秒ほど待ってから次の質問をしてください。",
    ),
    "empty_question": Text(
        en="Please type a question (it has no words I can search for).",
        ja="質問を入力してください（検索できる語が含まれていません）。",
    ),
    "mention_help": Text(
        en="Ask me a question after the mention, for example: “@{name} how do I stop GPTBot from crawling my site?”",
        ja="メンションのあとに質問を書いてください。例：「@{name} GPTBotのクロールを止めるには？」",
    ),
    "timeout": Text(
        en="Sorry, finding an answer took too long. Please try again in a moment.",
        ja="回答の作成に時間がかかりすぎました。少し待ってからもう一度お試しください。",
    ),
    "generic_error": Text(
        en="Sorry, something went wrong on my side. Please try again later.",
        ja="申し訳ありません、内部でエラーが発生しました。しばらくしてからもう一度お試しください。",
    ),
    "vote_up": Text(en="Thanks! Your 👍 is recorded.", ja="ありがとうございます。👍を記録しました。"),
    "vote_down": Text(
        en="Thanks! Your 👎 is recorded; maintainers review these answers.",
        ja="ありがとうございます。👎を記録しました。メンテナーが回答を見直します。",
    ),
    "vote_same": Text(
        en="Your vote is already recorded. Click the other button to change it.",
        ja="この評価はすでに記録されています。変更するにはもう一方のボタンを押してください。",
    ),
    "vote_changed": Text(en="Your vote is changed to {vote}.", ja="評価を{vote}に変更しました。"),
    "pin_not_moderator": Text(
        en="Only moderators can pin answers (Pin Messages or Manage Messages permission, or a moderator role).",
        ja="回答をピン留めできるのはモデレーターだけです（「メッセージのピン留め」または「メッセージの管理」権限、あるいはモデレーターのロールが必要です）。",
    ),
    "pin_bot_missing": Text(
        en="I can't pin messages here: I need the {permissions} permission{plural} in this channel.",
        ja="このチャンネルでピン留めできません。botに{permissions}権限を付与してください。",
    ),
    "perm_pin_messages": Text(
        en="**Pin Messages**", ja="「**メッセージのピン留め**」"
    ),  # Manage Messages alone no longer pins (2026-02-23)
    "perm_view_channel": Text(en="**View Channel**", ja="「**チャンネルを見る**」"),
    "perm_read_message_history": Text(en="**Read Message History**", ja="「**メッセージ履歴を読む**」"),
    "and": Text(en=" and ", ja="と"),
    "pin_limit": Text(
        en="This channel already has 250 pinned messages, Discord's maximum. Unpin one and try again.",
        ja="このチャンネルのピン留めはDiscordの上限の250件に達しています。どれかを外してからもう一度お試しください。",
    ),
    "pin_unavailable": Text(
        en="Answers can only be pinned in a server channel, and not when only you can see them.",
        ja="ピン留めできるのはサーバーのチャンネルの回答だけです（自分だけに表示される回答は除く）。",
    ),
    "pin_failed": Text(
        en="Discord refused to pin this answer ({error}). Please try again later.",
        ja="Discordがピン留めを拒否しました（{error}）。しばらくしてからもう一度お試しください。",
    ),
    "pinned": Text(
        en="📌 Pinned. Similar questions in this server will link to this answer.",
        ja="📌 ピン留めしました。このサーバーで似た質問があると、この回答へのリンクを表示します。",
    ),
    "already_pinned": Text(
        en="This answer is already pinned; similar questions link to it.",
        ja="この回答はすでにピン留めされています。似た質問にはこの回答へのリンクを表示します。",
    ),
    "sources_title": Text(en="Sources", ja="出典一覧"),
    "sources_title_j": Text(en="Sources: {jurisdiction}", ja="出典一覧：{jurisdiction}"),
    "sources_page": Text(en="Page {page}/{pages} · {count} sources", ja="{page}/{pages}ページ · 出典{count}件"),
    "sources_none": Text(en="No sources for that jurisdiction.", ja="その法域の出典はありません。"),
    "prev": Text(en="Previous", ja="前へ"),
    "next": Text(en="Next", ja="次へ"),
    "about_title": Text(en="About kenri", ja="kenriについて"),
    "about_description": Text(
        en="kenri answers questions about AI and copyright and about opting out of AI training, from an indexed corpus of official guidance and vendor policies. Every answer cites its sources with the date each was verified. Not legal advice.",
        ja="kenriは、AIと著作権、AI学習のオプトアウトについての質問に、公的なガイダンスや事業者の方針を集めた資料から答えます。すべての回答に出典と確認日を示します。法的助言ではありません。",
    ),
    "about_version": Text(en="Corpus version", ja="資料のバージョン"),
    "about_ingest": Text(en="Last ingest", ja="最終取り込み"),
    "about_documents": Text(en="Sources", ja="出典数"),
    "about_documents_value": Text(en="{documents} ({ja} in Japanese)", ja="{documents}件（うち日本語{ja}件）"),
    "about_chunks": Text(en="Indexed passages", ja="索引済みの箇所"),
    "about_jurisdictions": Text(en="By jurisdiction", ja="法域別"),
    "about_embedding": Text(en="Encoder", ja="エンコーダー"),
    "maintainer_only": Text(
        en="Only the bot owner or members with the Manage Server permission can do this.",
        ja="この操作はbotのオーナーか「サーバー管理」権限を持つメンバーだけが行えます。",
    ),
    "reload_ok": Text(
        en="Switched the index {old} → {new}. Questions already in progress finish on the old index.",
        ja="索引を{old} → {new}に切り替えました。処理中の質問は古い索引のまま完了します。",
    ),
    "reload_same": Text(
        en="Already serving the latest published index ({version}).", ja="すでに最新の索引（{version}）を使っています。"
    ),
    "reload_failed": Text(
        en="Reload failed; still serving {version}. Error: {error}",
        ja="切り替えに失敗しました。引き続き{version}を使います。エラー：{error}",
    ),
    "optout_unavailable": Text(
        en="The opt-out checklists are unavailable right now; the maintainers have been told in the log.",
        ja="オプトアウト手順は現在利用できません（詳細はメンテナー向けのログにあります）。",
    ),
    "optout_not_found": Text(
        en="I have no opt-out checklist for “{query}”.", ja="「{query}」のオプトアウト手順はありません。"
    ),
    "optout_suggest": Text(en=" Did you mean: {names}?", ja="もしかして：{names}"),
    "optout_available": Text(en=" Available: {names}.", ja=" 対応しているもの：{names}"),
    "robots_unavailable": Text(
        en="The AI-crawler list is unavailable right now; the maintainers have been told in the log.",
        ja="AIクローラーの一覧は現在利用できません（詳細はメンテナー向けのログにあります）。",
    ),
    "robots_title": Text(en="robots.txt for AI crawlers: {policy}", ja="AIクローラー向けのrobots.txt：{policy}"),
    "robots_intro": Text(
        en="This file {policy_text}. Save it as robots.txt at the top of your site (https://your-site.example/robots.txt), or merge its groups into the file you have. robots.txt is a request, not a lock: crawlers choose whether to obey it.",
        ja="このファイルは{policy_text}。サイトの最上位にrobots.txtとして置くか（https://your-site.example/robots.txt）、今のファイルにグループを追加してください。robots.txtは「お願い」であって鍵ではなく、従うかどうかはクローラー次第です。",
    ),
    "robots_check_title": Text(en="robots.txt check", ja="robots.txtのチェック"),
    "robots_full_report": Text(
        en="The full report is in the attached file.", ja="完全な結果は添付ファイルにあります。"
    ),
    "robots_too_big": Text(
        en="That file is {size:,} bytes; I check files up to {limit:,} bytes ({kib} KiB). A robots.txt is usually a few KiB: check that you attached the right file.",
        ja="このファイルは{size:,}バイトあります。チェックできるのは{limit:,}バイト（{kib} KiB）までです。robots.txtは通常数KiBなので、添付したファイルが正しいか確認してください。",
    ),
    "robots_bad_input": Text(en="I can't check that file: {error}", ja="このファイルはチェックできません：{error}"),
    "robots_modal_title": Text(en="Check a robots.txt", ja="robots.txtをチェック"),
    "robots_modal_label": Text(en="Paste your robots.txt", ja="robots.txtを貼り付けてください"),
    "stats_title": Text(en="kenri statistics", ja="kenriの統計"),
    "stats_scope_guild": Text(en="This server", ja="このサーバー"),
    "stats_scope_all": Text(en="All servers", ja="全サーバー"),
    "stats_line": Text(
        en="Questions: {questions} ({last7} in the last 7 days)\nUnanswered: {unanswered}\nFeedback: 👍 {up} · 👎 {down}\nPinned answers: {curated}",
        ja="質問数：{questions}（直近7日：{last7}）\n回答できなかった質問：{unanswered}\n評価：👍 {up} · 👎 {down}\nピン留めされた回答：{curated}",
    ),
    "help": Text(
        en="Hi! I answer questions about AI and copyright and about opting out of AI training, and every answer cites its sources. Ask with **/ask**, or mention me with your question (“@{name} how do I stop GPTBot?”); I answer in a thread. To follow up, reply to my answer or mention me in the thread. In a DM, just type your question. More: **/optout**, **/robots**, **/robots-check**, **/sources**, **/about**. Not legal advice.",
        ja="こんにちは！AIと著作権、AI学習のオプトアウトについての質問に、出典つきで答えます。**/ask** で質問するか、メンションして質問してください（「@{name} GPTBotを止めるには？」）。回答はスレッドに投稿します。続けて質問するときは、回答に返信するか、スレッドでメンションしてください。DMでは質問をそのまま送れます。ほかに **/optout**、**/robots**、**/robots-check**、**/sources**、**/about** があります。法的助言ではありません。",
    ),
    "you_are_welcome": Text(
        en="You're welcome! Ask me again any time.", ja="どういたしまして。いつでも質問してください。"
    ),
    "discord_busy": Text(
        en="Discord is rate-limiting me right now, so I couldn't post the answer. Please try again in a minute.",
        ja="Discordの送信制限にかかっているため、回答を投稿できませんでした。1分ほどしてからもう一度お試しください。",
    ),
    "cant_post_here": Text(
        en="I couldn't post my answer here (I may lack permission to send messages or to post in threads in this channel). Please tell a moderator, or use /ask.",
        ja="ここに回答を投稿できませんでした（このチャンネルでメッセージやスレッドに投稿する権限がないのかもしれません）。モデレーターに伝えるか、/ask をお使いください。",
    ),
    "thread_hint": Text(
        en="I can only read messages that mention me. To follow up, mention me (@{name}) or reply to my answer.",
        ja="メンションされたメッセージしか読めません。続けて質問するには、メンション（@{name}）するか回答に返信してください。",
    ),
    "mentions_elsewhere": Text(
        en="In this server I answer mentions in {channels}. /ask works everywhere.",
        ja="このサーバーでは {channels} でのメンションに答えます。/ask はどこでも使えます。",
    ),
    "owner_only": Text(en="Only the bot's owners can do this.", ja="これはボットの管理者だけが実行できます。"),
    "reload_cooldown": Text(
        en="The index was reloaded recently. Please wait {seconds} s before reloading again.",
        ja="索引は先ほど再読み込みされました。{seconds}秒待ってからもう一度お試しください。",
    ),
    "manage_server_only": Text(
        en="Only members with the Manage Server permission can change kenri's settings here.",
        ja="このサーバーのkenriの設定を変えられるのは「サーバー管理」権限のあるメンバーだけです。",
    ),
    "guild_only": Text(en="This command only works in a server.", ja="このコマンドはサーバー内でのみ使えます。"),
    "config_title": Text(en="kenri settings for this server", ja="このサーバーのkenriの設定"),
    "config_jurisdiction": Text(en="Default jurisdiction", ja="既定の法域"),
    "config_visibility": Text(en="/ask answers are shown to", ja="/ask の回答の表示先"),
    "config_mentions": Text(en="Mentions answered in", ja="メンションに答えるチャンネル"),
    "config_forum": Text(en="Forum auto-answer", ja="フォーラムの自動回答"),
    "config_auto": Text(en="automatic: {value}", ja="自動：{value}"),
    "config_all": Text(en="all jurisdictions", ja="すべての法域"),
    "config_everywhere": Text(en="every channel", ja="すべてのチャンネル"),
    "config_off": Text(en="off", ja="オフ"),
    "visibility_public": Text(en="everyone in the channel", ja="チャンネルの全員"),
    "visibility_private": Text(en="only the asker", ja="質問者のみ"),
    "config_saved": Text(en="Saved.", ja="保存しました。"),
    "config_not_forum": Text(
        en="{channel} is not a forum channel.", ja="{channel} はフォーラムチャンネルではありません。"
    ),
    "config_forum_permissions": Text(
        en="Saved, but I need {permissions} in {channel} to answer posts there and apply its “solved” tag.",
        ja="保存しましたが、{channel} の投稿に答えて「解決済み」タグを付けるには {permissions} 権限が必要です。",
    ),
    "btn_solved": Text(en="Solved", ja="解決済み"),
    "solved_tagged": Text(
        en="✅ Marked as solved and tagged “{tag}”.", ja="✅ 解決済みにして「{tag}」タグを付けました。"
    ),
    "solved_no_tag": Text(
        en="✅ Marked as solved. This forum has no “solved” tag, so no tag was applied.",
        ja="✅ 解決済みにしました。このフォーラムには「解決済み」タグがないため、タグは付けていません。",
    ),
    "solved_already": Text(
        en="This post is already tagged “{tag}”.", ja="この投稿にはすでに「{tag}」タグが付いています。"
    ),
    "solved_not_asker": Text(
        en="Only the person who asked, or a moderator, can mark this post as solved.",
        ja="解決済みにできるのは、質問した人かモデレーターだけです。",
    ),
    "solved_failed": Text(
        en="I couldn't apply the “{tag}” tag: I need the Manage Threads permission in this forum.",
        ja="「{tag}」タグを付けられませんでした。このフォーラムで「スレッドの管理」権限が必要です。",
    ),
    "solved_unavailable": Text(
        en="This button only works in a forum post.", ja="このボタンはフォーラムの投稿でのみ使えます。"
    ),
    "ctx_answered_in": Text(en="Answered in {link}.", ja="{link} で回答しました。"),
    "ctx_no_text": Text(
        en="That message has no text I can answer (I only read its text, not images or embeds).",
        ja="このメッセージには答えられる文章がありません（画像や埋め込みは読みません）。",
    ),
    "about_server": Text(en="This server", ja="このサーバー"),
    "about_server_value": Text(
        en="Jurisdiction: {jurisdiction} · /ask answers: {visibility} · Mentions: {mentions} · Forum: {forum}",
        ja="法域：{jurisdiction} · /ask の回答：{visibility} · メンション：{mentions} · フォーラム：{forum}",
    ),
}


def t(lang: str, key: str, **values: object) -> str:
    """Return the interface string ``key`` in ``lang`` (English unless ``"ja"``), formatted."""
    return lookup(TEXT, key, lang, **values)


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
