"""Every user-facing message of the robots.txt checker, in English and Japanese.

``msg(key, **fields)`` returns a :class:`~bot.knowledge.i18n.Text`; a missing key or field is a
programming error (KeyError), caught by the tests that render every message.
"""

from __future__ import annotations

from bot.knowledge.i18n import Messages, Text

MESSAGES: Messages = {
    # ---------------------------------------------------------------- input
    "input_type": Text(
        en="{what}: expected text or bytes, got {kind}",
        ja="{what}：テキストかバイト列が必要です（{kind}が渡されました）",
    ),
    "input_gzip": Text(
        en="{what} looks gzip-compressed; decompress it and check the text file",
        ja="{what}はgzipで圧縮されているようです。展開してからテキストファイルを確認してください",
    ),
    "input_binary": Text(
        en="{what} looks like binary data ({n} control bytes), not a text file",
        ja="{what}はテキストファイルではなくバイナリデータのようです（制御文字{n}個）",
    ),
    "input_binary_magic": Text(
        en="{what} looks like binary data ({kind}), not a text file",
        ja="{what}はテキストファイルではなくバイナリデータ（{kind}）のようです",
    ),
    "input_empty": Text(en="{what} is empty", ja="{what}が空です"),
    "input_path": Text(
        en="path must start with '/' or be an http(s) URL (got {path!r})",
        ja="パスは「/」で始めるか、http(s)のURLにしてください（{path!r}）",
    ),
    "input_path_shape": Text(
        en="path must be a URL path without spaces, at most 2000 characters",
        ja="パスは空白を含まない2000文字以内のURLのパスにしてください",
    ),
    "input_policy": Text(
        en="unknown policy {policy!r}; use one of {policies}",
        ja="不明な方針です（{policy!r}）。{policies}のどれかを使ってください",
    ),
    "input_no_registry": Text(
        en="generate() needs the crawler registry (see bot.knowledge.crawlers)",
        ja="generate()にはクローラーの一覧が必要です（bot.knowledge.crawlers）",
    ),
    "input_missing": Text(en="{what}: no such file", ja="{what}：ファイルがありません"),
    "input_folder": Text(en="{what}: is a folder, not a file", ja="{what}：ファイルではなくフォルダーです"),
    "input_unreadable": Text(en="{what}: cannot read ({reason})", ja="{what}：読み込めません（{reason}）"),
    "notice_utf16": Text(
        en="The file is UTF-16; it was read as text (crawlers expect UTF-8: save it as UTF-8).",
        ja="ファイルはUTF-16です。テキストとして読みました（クローラーはUTF-8を想定しているので、UTF-8で保存してください）。",
    ),
    "notice_truncated": Text(
        en="The file is {size} bytes; only the first {limit} bytes (500 KiB) were read, as RFC 9309 allows "
        "and as Google does. Rules after that point are ignored by Google.",
        ja="ファイルは{size}バイトあります。RFC 9309が認め、Goo"
        "gleも行っているとおり、最初の{limit}バイト（500 KiB）"
        "だけを読みました。それより後のルールはGoogleに無視されます。",
    ),
    "notice_not_utf8": Text(
        en="Some bytes are not UTF-8 (first on line {line}; a Latin-1 or Shift_JIS comment, for example). "
        "The rules were kept; only the display of those bytes is replaced.",
        ja="UTF-8ではないバイトがあります（最初は{line}行目。Latin-1やShift_JISのコメントなど）。ルールはそのまま読み、"
        "表示だけ置き換えました。",
    ),
    "notice_bom": Text(
        en="A UTF-8 byte-order mark (BOM) at the start was skipped, as Google's parser does.",
        ja="先頭のUTF-8のBOM（バイトオーダーマーク）は、Googleのパーサーと同じく読み飛ばしました。",
    ),
    "notice_empty": Text(
        en="The file is empty: a robots.txt with no rules lets every crawler in.",
        ja="ファイルが空です。ルールのないrobots.txtでは、すべてのクローラーが許可されます。",
    ),
    "notice_html": Text(
        en="This looks like an HTML or XML page, not a robots.txt (servers often return an error page at that "
        "address). Crawlers find no rules in it, so everything is allowed.",
        ja="robots.txtではなくHTMLやXMLのページのようです（そのアドレスでエラーページを返すサーバーがあります）。"
        "クローラーはルールを見つけられないため、すべて許可されます。",
    ),
    "notice_no_groups": Text(
        en="No User-agent groups found: every crawler is allowed.",
        ja="User-agentのグループがありません。すべてのクローラーが許可されます。",
    ),
    # ---------------------------------------------------------------- lines
    "lint_typo": Text(
        en="Line(s) {lines}: misspelt keys that Google's parser accepts ({keys}); other parsers may "
        "ignore these lines, so fix the spelling.",
        ja="{lines}行目：つづりの誤ったキー（{keys}）。Googleのパーサーは受け付けますが、ほかのパーサーは無視する"
        "ことがあるので、つづりを直してください。",
    ),
    "lint_no_colon": Text(
        en="Line(s) {lines}: no colon after the key ({example}). Google's parser accepts a space "
        "instead and applies the rule; other parsers ignore the line. Add the colon.",
        ja="{lines}行目：キーの後にコロンがありません（{example}）。Googleのパーサーは空白を代わりに認めて"
        "ルールを適用しますが、ほかのパーサーはその行を無視します。コロンを補ってください。",
    ),
    "lint_bad": Text(
        en="Lines not understood as robots.txt lines (ignored by every parser): {lines}.",
        ja="robots.txtの行として解釈できない行（どのパーサーも無視します）：{lines}行目",
    ),
    "lint_unknown": Text(
        en="Keys RFC 9309 does not define (ignored by Google; they do not end a group): {keys}.",
        ja="RFC 9309にないキー（Googleは無視し、グループの区切りにもなりません）：{keys}",
    ),
    "lint_orphan": Text(
        en="Allow/Disallow before any User-agent line is ignored (line(s) {lines}).",
        ja="User-agentの行より前にあるAllow/Disallowは無視されます（{lines}行目）。",
    ),
    "lint_signal": Text(
        en="Content-Signal line found ({value}): Cloudflare's Content Signals express a preference "
        "(search, ai-input, ai-train = yes/no); they do not block crawlers.",
        ja="Content-Signalの行があります（{value}）。CloudflareのContent Signalsは意思表示"
        "（search・ai-input・ai-train = yes/no）で、クローラーをブロックするものではありません。",
    ),
    "lint_usage": Text(
        en="Content-Usage line found ({value}): this is IETF AI Preferences draft syntax, still an "
        "Internet-Draft; the draft says preferences do not themselves create rights or obligations.",
        ja="Content-Usageの行があります（{value}）。IETFのAI Preferencesの草案（Internet-Draft）の書き方で、"
        "草案は、この意思表示自体が権利や義務を生むものではないとしています。",
    ),
    "lint_extra_text": Text(
        en="Line(s) {lines}: {examples}. RFC 9309 matches only the product token (letters, '-' and '_'), "
        "so Google reads each as the token shown.",
        ja="{lines}行目：{examples}。RFC 9309はプロダクトトークン（英字・「-」・「_」）だけを照合するため、"
        "Googleはそれぞれ示したトークンとして読みます。",
    ),
    "lint_merged_group": Text(
        en="Lines {first}-{last}: {agents} form ONE group unde"
        "r RFC 9309, because only an Allow or Disallow line "
        "ends a group ({between} on line {between_line} does not). The rules after line {last} apply to all "
        "of them{blocked}.",
        ja="{first}〜{last}行目：{agents}はRFC 9309では1"
        "つのグループになります。グループを区切るのはAllowかDisallowの行"
        "だけで、{between_line}行目の{between}は区切りにならないためです。{last}行目より後のルールはすべてに"
        "適用されます{blocked}。",
    ),
    "lint_merged_blocked": Text(en=", so they block {tokens}", ja="（そのため{tokens}も拒否されます）"),
    "lint_open_group": Text(
        en="The file ends with a group that has no Allow or Disallow line (line {line}: {agents}). Anything "
        "appended after it joins that group: add `Allow: /` under it before adding more groups.",
        ja="ファイルの最後のグループ（{line}行目：{agents}）にAllowもDisallowもありません。後ろに追加したグループは"
        "このグループと一体になるので、追加する前にその下へ `Allow: /` を書いてください。",
    ),
    "unknown_tokens": Text(
        en="Tokens your file names that kenri's crawler registry does not list: {tokens}.",
        ja="ファイルにあるトークンのうち、kenriのクローラー一覧にないもの：{tokens}",
    ),
    "lenient": Text(
        en="Other parsers read this file differently from RFC 9309 (Google): {parts}. Crawlers built on them "
        "may behave that way.",
        ja="ほかのパーサーはこのファイルをRFC 9309（Google）"
        "と違うように読みます：{parts}。それらを使うクローラーは"
        "その読み方で動く可能性があります。",
    ),
    "lenient_part": Text(en="{parser} says {verdict} for {tokens}", ja="{parser}では{tokens}が{verdict}"),
    "platform": Text(
        en="This looks like the robots.txt that {platform} writes for the sites it hosts; owners usually cannot "
        "edit it. Look for {platform}'s own setting about AI crawlers instead of the robots.txt changes "
        "below. kenri's sources do not describe that setting yet.",
        ja="{platform}がホストするサイト向けに自動で書くrobots.txtのようです。通常、サイトの持ち主は編集できません。"
        "下のrobots.txtの変更ではなく、{platform}のAIクローラーに関する設定を探してください。kenriの出典には、"
        "その設定についての説明はまだありません。",
    ),
    # ---------------------------------------------------------------- findings
    "via": Text(
        en="Your robots.txt has no {token} group, so {token} follows your {via} group ({verdict} there): {note}",
        ja="robots.txtに{token}のグループがないため、{token}は{via}のグループに従います（そこでは{verdict}）。{note}",
    ),
    "add": Text(
        en="{token} ({operator}, training) is allowed: add `User-agent: {token}` + `Disallow: /` to ask "
        "{operator} not to use your site for training.{extra}",
        ja="{token}（{operator}、学習用）が許可されています。学習に使わないよう求めるには "
        "`User-agent: {token}` と `Disallow: /` を追加します。{extra}",
    ),
    "misread": Text(
        en=" Your line {line} (`User-agent: {value}`) does not name it: RFC 9309 reads that line as the "
        "product token `{read}`.",
        ja="{line}行目（`User-agent: {value}`）は{token}を指していません。RFC 9309はこの行をプロダクトトークン"
        "`{read}`として読みます。",
    ),
    "own_group_allows": Text(
        en="{token} ({operator}, training) is allowed by its ow"
        "n group (line {line}): change that group's rules to "
        "`Disallow: /` to refuse training.{extra}",
        ja="{token}（{operator}、学習用）は専用のグループ（{line}行目）で許可されています。学習を断るには、"
        "そのグループのルールを `Disallow: /` にしてください。{extra}",
    ),
    "shared_group": Text(
        en="{token} ({operator}, training) is named on line {line}"
        " in a group it shares with {others}; that group "
        "{state}. Do not change that group's rules (that would also change {others}): remove line {line} and "
        "give {token} its own group with `Disallow: /`.",
        ja="{token}（{operator}、学習用）は{line}行目で、{others}と同じグループに書かれています。このグループは"
        "{state}。グループのルールを変えると{others}にも影響するので、{line}行目を削除し、{token}に専用の"
        "グループ（`Disallow: /`）を作ってください。",
    ),
    "shared_state_partial": Text(en="blocks only some paths", ja="一部のパスだけを拒否しています"),
    "shared_state_allowed": Text(en="allows the whole site", ja="サイト全体を許可しています"),
    "overridden": Text(
        en="{token} ({operator}, training) is allowed although line {dline} says `Disallow: {dvalue}` for it: "
        "line {aline} (`Allow: {avalue}`) also applies to {token} and wins (longest match; Allow wins a tie, "
        "RFC 9309 section 2.2.2). Remove line {aline}, or th"
        "e `User-agent` line that puts {token} in its group.",
        ja="{token}（{operator}、学習用）には{dline}行目の `Disallow: {dvalue}` がありますが、許可されています。"
        "{aline}行目の `Allow: {avalue}` も{token}"
        "に適用され、優先されるためです（最長一致、同じ長さならAllowが優先："
        "RFC 9309 2.2.2節）。{aline}行目か、{token}をそ"
        "のグループに入れている `User-agent` の行を削除してください。",
    ),
    "partial_allowed": Text(
        en="{token} ({operator}, training) is blocked only for some paths (line {line}); the rest of the site, "
        "including /, is allowed. To refuse training on the whole site use `Disallow: /` in its group.",
        ja="{token}（{operator}、学習用）は一部のパスだけ拒"
        "否されています（{line}行目）。/ を含むサイトの残りは許可"
        "されています。サイト全体で学習を断るには、そのグループで `Disallow: /` にしてください。",
    ),
    "partial_blocked": Text(
        en="{token} is blocked at / but some paths are allowed (line {line}); check that is intended.",
        ja="{token}は / では拒否されていますが、一部のパスは許可"
        "されています（{line}行目）。意図どおりか確認してください。",
    ),
    "blocked_but": Text(
        en="{token} is blocked, but: {note}",
        ja="{token}は拒否されていますが、注意点があります：{note}",
    ),
    "legacy_extra": Text(
        en=" Your file blocks {legacy}, which {operator}'s current page does not list; "
        "{token} is the token it documents.",
        ja="ファイルは{legacy}を拒否していますが、これは{operator}の現在のページにないトークンで、公開されているのは"
        "{token}です。",
    ),
    "search_blocked": Text(
        en="{token} ({operator}, search) is blocked{where}. {note}",
        ja="{token}（{operator}、検索用）が拒否されています{where}。{note}",
    ),
    "search_blocked_where": Text(en=" (by line {line})", ja="（{line}行目）"),
    "star_blocks_search": Text(
        en="Your `User-agent: *` group blocks search crawlers you did not name: {names}. {note}",
        ja="`User-agent: *` のグループが、名前を書いていない検索用クローラーも拒否しています：{names}。{note}",
    ),
    "star_blocks_search_default": Text(
        en="Blocking them can remove your site from those searches.",
        ja="拒否すると、それらの検索からサイトが外れることがあります。",
    ),
    "user_fetch_blocked": Text(
        en="{token} is blocked, but robots.txt may not stop it: {note}",
        ja="{token}は拒否されていますが、robots.txtでは止まらない場合があります：{note}",
    ),
    "snippet_append": Text(
        en="Add to the end of your robots.txt to refuse the allowed training crawlers:",
        ja="許可されている学習用クローラーを拒否するには、robots.txtの最後に次を追加します：",
    ),
    "snippet_prepend": Text(
        en="Add at the TOP of your robots.txt to refuse the allowed training crawlers. Appended at the end it "
        "would join your last group and change other crawlers' answers ({changed}):",
        ja="許可されている学習用クローラーを拒否するには、robots.txtの先頭に次を追加します。最後に追加すると最後の"
        "グループと一体になり、ほかのクローラーの結果が変わってしまいます（{changed}）：",
    ),
    "snippet_unsafe": Text(
        en="kenri found no place in this file where the block below leaves every other crawler's answer "
        "unchanged ({changed}); add it by hand and check the file again:",
        ja="下のブロックを、ほかのクローラーの結果を変えずに入れられる場所が見つかりませんでした（{changed}）。"
        "手で追加して、もう一度チェックしてください：",
    ),
    # ---------------------------------------------------------------- report
    "title": Text(
        en="robots.txt check: {size} bytes, {lines} lines",
        ja="robots.txtのチェック：{size}バイト、{lines}行",
    ),
    "summary": Text(
        en="Training crawlers: {t_b} blocked, {t_p} partly, of {t_n} | AI search: {s_b} blocked, {s_p} partly, "
        "of {s_n} | search engines blocked: {e_b} of {e_n} | all {n} registry crawlers: {a_b} blocked",
        ja="学習用：{t_n}件中 拒否{t_b}・一部拒否{t_p} ｜ AI検索用：{s_n}件中 拒否{s_b}・一部拒否{s_p} ｜ "
        "検索エンジンの拒否：{e_n}件中{e_b}件 ｜ 一覧の全{n}件：拒否{a_b}",
    ),
    "shown": Text(
        en="Table: the crawlers kenri's sources document, and community-listed crawlers your file names "
        "({hidden} other community-listed crawlers follow your `*` group: {verdict}).",
        ja="表：kenriの出典があるクローラーと、ファイルが名前を書いているコミュニティ一覧のクローラー"
        "（ほかのコミュニティ一覧のクローラー{hidden}件は `*` のグループに従い、{verdict}）。",
    ),
    "allowed": Text(en="allowed", ja="許可"),
    "blocked": Text(en="blocked", ja="拒否"),
    "partly": Text(en="partly", ja="一部拒否"),
    "none": Text(en="(none)", ja="（なし）"),
    "community": Text(en="community list", ja="コミュニティの一覧"),
    "partial_legend": Text(
        en="* partly: its group blocks some paths but not / (or the reverse)",
        ja="* 一部拒否：そのグループが / 以外の一部のパスを拒否（またはその逆）",
    ),
    "rule_legend": Text(
        en="Rule: the line that decides / (-: no rule of the group matches /, so it is allowed)",
        ja="決めた行：/ の判定を決めた行（-：グループのどのルールも / に当たらないため許可）",
    ),
    "colon": Text(en=":", ja="："),  # after a section title
    "todo": Text(en="Suggested changes", ja="おすすめの変更"),
    "warn": Text(en="Warnings", ja="警告"),
    "info": Text(en="Notes", ja="補足"),
    "input": Text(en="About the file", ja="ファイルについて"),
    "footer": Text(
        en="Verdicts: RFC 9309 as Google's open-source parser applies it. Crawler facts verified {date} "
        "(kenri crawler registry); community-listed crawlers are not verified. robots.txt is a request, "
        "not a lock: crawlers choose whether to obey it. Not legal advice.",
        ja="判定：RFC 9309（Googleのオープンソースのパーサーの解釈）。クローラーの情報は{date}に確認（kenriの"
        "クローラー一覧）。コミュニティの一覧のみのクローラーは未確認です。robots.txtは「お願い」であって鍵では"
        "なく、従うかどうかはクローラー次第です。法的助言ではありません。",
    ),
    # ---------------------------------------------------------------- a robots.txt pasted in a question
    "pasted_head": Text(
        en="The robots.txt in your message, read as Google's parser reads it (RFC 9309), blocks {b} of "
        "the {n} AI-training crawlers kenri lists.",
        ja="メッセージのrobots.txtは、Googleのパーサーの読み方（RFC 9309）では、kenriの一覧にあるAI学習用クローラー"
        "{n}件のうち{b}件を拒否しています。",
    ),
    "pasted_blocked": Text(en="- Blocked: {names}.", ja="- 拒否：{names}"),
    "pasted_partly": Text(
        en="- Blocked from some paths only, the rest of the site allowed: {names}.",
        ja="- 一部のパスだけ拒否し、サイトの残りは許可：{names}",
    ),
    "pasted_named_allowed": Text(
        en="- Allowed by a group that names them: {names}.",
        ja="- 名前を書いたグループで許可：{names}",
    ),
    "pasted_rest_allowed": Text(
        en="- Allowed, as no group names them and no rule for every crawler (User-agent: *) blocks them: {names}.",
        ja="- どのグループにも名前がなく、全クローラー向け（User-agent: *）の規則でも拒否されないため許可：{names}",
    ),
    "pasted_more_detail": Text(
        en="For every crawler and the lines to add: `kenri robots check FILE` (or `-` and paste it), or "
        "/robots-check in Discord.",
        ja="全クローラーの結果と追加する行は、`kenri robots check ファイル`（`-` にして貼り付けても可）か、"
        "Discordの /robots-check で確認できます。",
    ),
    "pasted_more": Text(en=" and {n} more", ja=" ほか{n}件"),
    "pasted_unchecked": Text(
        en="The robots.txt in your message was not checked: kenri's crawler list did not load ({error}).",
        ja="メッセージのrobots.txtはチェックできませんでした。kenriのクローラー一覧を読み込めませんでした（{error}）。",
    ),
    "cols": Text(
        en="Token|Operator|Purpose|/|Group used|Rule|Robots.txt",
        ja="トークン|運営|用途|/|使われたグループ|決めた行|robots.txt",
    ),
}


def msg(key: str, **fields: object) -> Text:
    """The message ``key`` in both languages with ``fields`` filled in (see :meth:`Text.format`)."""
    return MESSAGES[key].format(**fields)
