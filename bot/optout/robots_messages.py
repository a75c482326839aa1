"""Every user-facing message of the robots.txt checker, in English and Japanese.

``msg(key, **fields)`` returns a :class:`~bot.knowledge.datafiles.Text`; a missing key or field is a
programming error (KeyError), caught by the tests that render every message.
"""

from __future__ import annotations

from bot.knowledge.datafiles import Text

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- input
    "input_type": (
        "{what}: expected text or bytes, got {kind}",
        "{what}：テキストかバイト列が必要です（{kind}が渡されました）",
    ),
    "input_gzip": (
        "{what} looks gzip-compressed; decompress it and check the text file",
        "{what}はgzipで圧縮されているようです。展開してからテキストファイルを確認してください",
    ),
    "input_binary": (
        "{what} looks like binary data ({n} control bytes), not a text file",
        "{what}はテキストファイルではなくバイナリデータのようです（制御文字{n}個）",
    ),
    "input_binary_magic": (
        "{what} looks like binary data ({kind}), not a text file",
        "{what}はテキストファイルではなくバイナリデータ（{kind}）のようです",
    ),
    "input_empty": ("{what} is empty", "{what}が空です"),
    "input_path": (
        "path must start with '/' or be an http(s) URL (got {path!r})",
        "パスは「/」で始めるか、http(s)のURLにしてください（{path!r}）",
    ),
    "input_path_shape": (
        "path must be a URL path without spaces, at most 2000 characters",
        "パスは空白を含まない2000文字以内のURLのパスにしてください",
    ),
    "input_missing": ("{what}: no such file", "{what}：ファイルがありません"),
    "input_folder": ("{what}: is a folder, not a file", "{what}：ファイルではなくフォルダーです"),
    "input_unreadable": ("{what}: cannot read ({reason})", "{what}：読み込めません（{reason}）"),
    "notice_utf16": (
        "The file is UTF-16; it was read as text (crawlers expect UTF-8: save it as UTF-8).",
        "ファイルはUTF-16です。テキストとして読みました（クローラーはUTF-8を想定しているので、UTF-8で保存してください）。",
    ),
    "notice_truncated": (
        "The file is {size} bytes; only the first {limit} bytes (500 KiB) were read, as RFC 9309 allows "
        "and as Google does. Rules after that point are ignored by Google.",
        "ファイルは{size}バイトあります。RFC 9309が認め、Goo"
        "gleも行っているとおり、最初の{limit}バイト（500 KiB）"
        "だけを読みました。それより後のルールはGoogleに無視されます。",
    ),
    "notice_not_utf8": (
        "Some bytes are not UTF-8 (first on line {line}; a Latin-1 or Shift_JIS comment, for example). "
        "The rules were kept; only the display of those bytes is replaced.",
        "UTF-8ではないバイトがあります（最初は{line}行目。Latin-1やShift_JISのコメントなど）。ルールはそのまま読み、"
        "表示だけ置き換えました。",
    ),
    "notice_bom": (
        "A UTF-8 byte-order mark (BOM) at the start was skipped, as Google's parser does.",
        "先頭のUTF-8のBOM（バイトオーダーマーク）は、Googleのパーサーと同じく読み飛ばしました。",
    ),
    "notice_empty": (
        "The file is empty: a robots.txt with no rules lets every crawler in.",
        "ファイルが空です。ルールのないrobots.txtでは、すべてのクローラーが許可されます。",
    ),
    "notice_html": (
        "This looks like an HTML or XML page, not a robots.txt (servers often return an error page at that "
        "address). Crawlers find no rules in it, so everything is allowed.",
        "robots.txtではなくHTMLやXMLのページのようです（そのアドレスでエラーページを返すサーバーがあります）。"
        "クローラーはルールを見つけられないため、すべて許可されます。",
    ),
    "notice_no_groups": (
        "No User-agent groups found: every crawler is allowed.",
        "User-agentのグループがありません。すべてのクローラーが許可されます。",
    ),
    # ---------------------------------------------------------------- lines
    "lint_typo": (
        "Line(s) {lines}: misspelt keys that Google's parser accepts ({keys}); other parsers may "
        "ignore these lines, so fix the spelling.",
        "{lines}行目：つづりの誤ったキー（{keys}）。Googleのパーサーは受け付けますが、ほかのパーサーは無視する"
        "ことがあるので、つづりを直してください。",
    ),
    "lint_no_colon": (
        "Line(s) {lines}: no colon after the key ({example}). Google's parser accepts a space "
        "instead and applies the rule; other parsers ignore the line. Add the colon.",
        "{lines}行目：キーの後にコロンがありません（{example}）。Googleのパーサーは空白を代わりに認めて"
        "ルールを適用しますが、ほかのパーサーはその行を無視します。コロンを補ってください。",
    ),
    "lint_bad": (
        "Lines not understood as robots.txt lines (ignored by every parser): {lines}.",
        "robots.txtの行として解釈できない行（どのパーサーも無視します）：{lines}行目",
    ),
    "lint_unknown": (
        "Keys RFC 9309 does not define (ignored by Google; they do not end a group): {keys}.",
        "RFC 9309にないキー（Googleは無視し、グループの区切りにもなりません）：{keys}",
    ),
    "lint_orphan": (
        "Allow/Disallow before any User-agent line is ignored (line(s) {lines}).",
        "User-agentの行より前にあるAllow/Disallowは無視されます（{lines}行目）。",
    ),
    "lint_signal": (
        "Content-Signal line found ({value}): Cloudflare's Content Signals express a preference "
        "(search, ai-input, ai-train = yes/no); they do not block crawlers.",
        "Content-Signalの行があります（{value}）。CloudflareのContent Signalsは意思表示"
        "（search・ai-input・ai-train = yes/no）で、クローラーをブロックするものではありません。",
    ),
    "lint_usage": (
        "Content-Usage line found ({value}): this is IETF AI Preferences draft syntax, still an "
        "Internet-Draft; the draft says preferences do not themselves create rights or obligations.",
        "Content-Usageの行があります（{value}）。IETFのAI Preferencesの草案（Internet-Draft）の書き方で、"
        "草案は、この意思表示自体が権利や義務を生むものではないとしています。",
    ),
    "lint_extra_text": (
        "Line(s) {lines}: {examples}. RFC 9309 matches only the product token (letters, '-' and '_'), "
        "so Google reads each as the token shown.",
        "{lines}行目：{examples}。RFC 9309はプロダクトトークン（英字・「-」・「_」）だけを照合するため、"
        "Googleはそれぞれ示したトークンとして読みます。",
    ),
    "lint_merged_group": (
        "Lines {first}-{last}: {agents} form ONE group unde"
        "r RFC 9309, because only an Allow or Disallow line "
        "ends a group ({between} on line {between_line} does not). The rules after line {last} apply to all "
        "of them{blocked}.",
        "{first}〜{last}行目：{agents}はRFC 9309では1"
        "つのグループになります。グループを区切るのはAllowかDisallowの行"
        "だけで、{between_line}行目の{between}は区切りにならないためです。{last}行目より後のルールはすべてに"
        "適用されます{blocked}。",
    ),
    "lint_merged_blocked": (", so they block {tokens}", "（そのため{tokens}も拒否されます）"),
    "lint_open_group": (
        "The file ends with a group that has no Allow or Disallow line (line {line}: {agents}). Anything "
        "appended after it joins that group: add `Allow: /` under it before adding more groups.",
        "ファイルの最後のグループ（{line}行目：{agents}）にAllowもDisallowもありません。後ろに追加したグループは"
        "このグループと一体になるので、追加する前にその下へ `Allow: /` を書いてください。",
    ),
    "unknown_tokens": (
        "Tokens your file names that kenri's crawler registry does not list: {tokens}.",
        "ファイルにあるトークンのうち、kenriのクローラー一覧にないもの：{tokens}",
    ),
    "lenient": (
        "Other parsers read this file differently from RFC 9309 (Google): {parts}. Crawlers built on them "
        "may behave that way.",
        "ほかのパーサーはこのファイルをRFC 9309（Google）"
        "と違うように読みます：{parts}。それらを使うクローラーは"
        "その読み方で動く可能性があります。",
    ),
    "lenient_part": ("{parser} says {verdict} for {tokens}", "{parser}では{tokens}が{verdict}"),
    "platform": (
        "This looks like the robots.txt that {platform} writes for the sites it hosts; owners usually cannot "
        "edit it. Look for {platform}'s own setting about AI crawlers instead of the robots.txt changes "
        "below. kenri's sources do not describe that setting yet.",
        "{platform}がホストするサイト向けに自動で書くrobots.txtのようです。通常、サイトの持ち主は編集できません。"
        "下のrobots.txtの変更ではなく、{platform}のAIクローラーに関する設定を探してください。kenriの出典には、"
        "その設定についての説明はまだありません。",
    ),
    # ---------------------------------------------------------------- findings
    "via": (
        "Your robots.txt has no {token} group, so {token} follows your {via} group ({verdict} there): {note}",
        "robots.txtに{token}のグループがないため、{token}は{via}のグループに従います（そこでは{verdict}）。{note}",
    ),
    "add": (
        "{token} ({operator}, training) is allowed: add `User-agent: {token}` + `Disallow: /` to ask "
        "{operator} not to use your site for training.{extra}",
        "{token}（{operator}、学習用）が許可されています。学習に使わないよう求めるには "
        "`User-agent: {token}` と `Disallow: /` を追加します。{extra}",
    ),
    "misread": (
        " Your line {line} (`User-agent: {value}`) does not name it: RFC 9309 reads that line as the "
        "product token `{read}`.",
        "{line}行目（`User-agent: {value}`）は{token}を指していません。RFC 9309はこの行をプロダクトトークン"
        "`{read}`として読みます。",
    ),
    "own_group_allows": (
        "{token} ({operator}, training) is allowed by its ow"
        "n group (line {line}): change that group's rules to "
        "`Disallow: /` to refuse training.{extra}",
        "{token}（{operator}、学習用）は専用のグループ（{line}行目）で許可されています。学習を断るには、"
        "そのグループのルールを `Disallow: /` にしてください。{extra}",
    ),
    "shared_group": (
        "{token} ({operator}, training) is named on line {line}"
        " in a group it shares with {others}; that group "
        "{state}. Do not change that group's rules (that would also change {others}): remove line {line} and "
        "give {token} its own group with `Disallow: /`.",
        "{token}（{operator}、学習用）は{line}行目で、{others}と同じグループに書かれています。このグループは"
        "{state}。グループのルールを変えると{others}にも影響するので、{line}行目を削除し、{token}に専用の"
        "グループ（`Disallow: /`）を作ってください。",
    ),
    "shared_state_partial": ("blocks only some paths", "一部のパスだけを拒否しています"),
    "shared_state_allowed": ("allows the whole site", "サイト全体を許可しています"),
    "overridden": (
        "{token} ({operator}, training) is allowed although line {dline} says `Disallow: {dvalue}` for it: "
        "line {aline} (`Allow: {avalue}`) also applies to {token} and wins (longest match; Allow wins a tie, "
        "RFC 9309 section 2.2.2). Remove line {aline}, or th"
        "e `User-agent` line that puts {token} in its group.",
        "{token}（{operator}、学習用）には{dline}行目の `Disallow: {dvalue}` がありますが、許可されています。"
        "{aline}行目の `Allow: {avalue}` も{token}"
        "に適用され、優先されるためです（最長一致、同じ長さならAllowが優先："
        "RFC 9309 2.2.2節）。{aline}行目か、{token}をそ"
        "のグループに入れている `User-agent` の行を削除してください。",
    ),
    "partial_allowed": (
        "{token} ({operator}, training) is blocked only for some paths (line {line}); the rest of the site, "
        "including /, is allowed. To refuse training on the whole site use `Disallow: /` in its group.",
        "{token}（{operator}、学習用）は一部のパスだけ拒"
        "否されています（{line}行目）。/ を含むサイトの残りは許可"
        "されています。サイト全体で学習を断るには、そのグループで `Disallow: /` にしてください。",
    ),
    "partial_blocked": (
        "{token} is blocked at / but some paths are allowed (line {line}); check that is intended.",
        "{token}は / では拒否されていますが、一部のパスは許可"
        "されています（{line}行目）。意図どおりか確認してください。",
    ),
    "blocked_but": (
        "{token} is blocked, but: {note}",
        "{token}は拒否されていますが、注意点があります：{note}",
    ),
    "legacy_extra": (
        " Your file blocks {legacy}, which {operator}'s current page does not list; {token} is the token it documents.",
        "ファイルは{legacy}を拒否していますが、これは{operator}の現在のページにないトークンで、公開されているのは"
        "{token}です。",
    ),
    "search_blocked": (
        "{token} ({operator}, search) is blocked{where}. {note}",
        "{token}（{operator}、検索用）が拒否されています{where}。{note}",
    ),
    "search_blocked_where": (" (by line {line})", "（{line}行目）"),
    "star_blocks_search": (
        "Your `User-agent: *` group blocks search crawlers you did not name: {names}. {note}",
        "`User-agent: *` のグループが、名前を書いていない検索用クローラーも拒否しています：{names}。{note}",
    ),
    "star_blocks_search_default": (
        "Blocking them can remove your site from those searches.",
        "拒否すると、それらの検索からサイトが外れることがあります。",
    ),
    "user_fetch_blocked": (
        "{token} is blocked, but robots.txt may not stop it: {note}",
        "{token}は拒否されていますが、robots.txtでは止まらない場合があります：{note}",
    ),
    "snippet_append": (
        "Add to the end of your robots.txt to refuse the allowed training crawlers:",
        "許可されている学習用クローラーを拒否するには、robots.txtの最後に次を追加します：",
    ),
    "snippet_prepend": (
        "Add at the TOP of your robots.txt to refuse the allowed training crawlers. Appended at the end it "
        "would join your last group and change other crawlers' answers ({changed}):",
        "許可されている学習用クローラーを拒否するには、robots.txtの先頭に次を追加します。最後に追加すると最後の"
        "グループと一体になり、ほかのクローラーの結果が変わってしまいます（{changed}）：",
    ),
    "snippet_unsafe": (
        "kenri found no place in this file where the block below leaves every other crawler's answer "
        "unchanged ({changed}); add it by hand and check the file again:",
        "下のブロックを、ほかのクローラーの結果を変えずに入れられる場所が見つかりませんでした（{changed}）。"
        "手で追加して、もう一度チェックしてください：",
    ),
    # ---------------------------------------------------------------- report
    "title": (
        "robots.txt check: {size} bytes, {lines} lines",
        "robots.txtのチェック：{size}バイト、{lines}行",
    ),
    "summary": (
        "Training crawlers: {t_b} blocked, {t_p} partly, of {t_n} | AI search: {s_b} blocked, {s_p} partly, "
        "of {s_n} | search engines blocked: {e_b} of {e_n} | all {n} registry crawlers: {a_b} blocked",
        "学習用：{t_n}件中 拒否{t_b}・一部拒否{t_p} ｜ AI検索用：{s_n}件中 拒否{s_b}・一部拒否{s_p} ｜ "
        "検索エンジンの拒否：{e_n}件中{e_b}件 ｜ 一覧の全{n}件：拒否{a_b}",
    ),
    "shown": (
        "Table: the crawlers kenri's sources document, and community-listed crawlers your file names "
        "({hidden} other community-listed crawlers follow your `*` group: {verdict}).",
        "表：kenriの出典があるクローラーと、ファイルが名前を書いているコミュニティ一覧のクローラー"
        "（ほかのコミュニティ一覧のクローラー{hidden}件は `*` のグループに従い、{verdict}）。",
    ),
    "allowed": ("allowed", "許可"),
    "blocked": ("blocked", "拒否"),
    "partly": ("partly", "一部拒否"),
    "none": ("(none)", "（なし）"),
    "community": ("community list", "コミュニティの一覧"),
    "partial_legend": (
        "* partly: its group blocks some paths but not / (or the reverse)",
        "* 一部拒否：そのグループが / 以外の一部のパスを拒否（またはその逆）",
    ),
    "todo": ("Suggested changes", "おすすめの変更"),
    "warn": ("Warnings", "警告"),
    "info": ("Notes", "補足"),
    "input": ("About the file", "ファイルについて"),
    "footer": (
        "Verdicts: RFC 9309 as Google's open-source parser applies it. Crawler facts verified {date} "
        "(kenri crawler registry); community-listed crawlers are not verified. robots.txt is a request, "
        "not a lock: crawlers choose whether to obey it. Not legal advice.",
        "判定：RFC 9309（Googleのオープンソースのパーサーの解釈）。クローラーの情報は{date}に確認（kenriの"
        "クローラー一覧）。コミュニティの一覧のみのクローラーは未確認です。robots.txtは「お願い」であって鍵では"
        "なく、従うかどうかはクローラー次第です。法的助言ではありません。",
    ),
    "cols": (
        "Token|Operator|Purpose|/|Group used|Robots.txt",
        "トークン|運営|用途|/|使われたグループ|robots.txt",
    ),
}


def msg(key: str, **fields: object) -> Text:
    """The message ``key`` in both languages with ``fields`` filled in; a field that is itself a
    :class:`Text` contributes its English to the English message and its Japanese to the Japanese."""
    en, ja = MESSAGES[key]
    f_en = {k: v.en if isinstance(v, Text) else v for k, v in fields.items()}
    f_ja = {k: v.ja if isinstance(v, Text) else v for k, v in fields.items()}
    return Text(en=en.format(**f_en), ja=ja.format(**f_ja))
