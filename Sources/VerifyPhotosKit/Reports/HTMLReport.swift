#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// `--format html`: one self-contained page for personnel staff, readable offline, that makes
/// no network request (styles, script, map and pictures are inline; a Content-Security-Policy
/// allows nothing else, and only this page's own scripts by their hashes).
///
/// Rows are written to the output as they come (a photo's table row with its thumbnail), so a
/// large batch is never held in memory; only the small facts of the summary and one dot per
/// photo for the map are kept. The summary and the map, known only at the end, are written
/// after the table and shown above it by CSS (`order`). A run of one photo also gets an
/// evidence sheet (the picture larger, a zoomed map, every value and every rule's outcome) that
/// prints on A4.
///
/// Contract for tests and scripts: each photo's row is `<tr data-path=... data-status=...>`,
/// each map dot `<circle class="dot" data-status=...>`; paths are written as in the table and
/// CSV (`PhotoPath` escapes, control and invisible characters as `\x..`/`\u{..}`). Everything
/// from a photo or a file name is HTML-escaped; the page holds no inline JSON.
public struct HTMLReport: ReportWriter {
    /// Photos after this many get no thumbnail, so that the file stays small enough to open:
    /// at most `maxThumbnails` x `Thumbnail.Limits.row.maxBytes` (8 MB, 10.7 MB as base64).
    public static let maxThumbnails = 1_000

    /// One photo's row, prepared on any thread.
    public struct Row: Sendable {
        let result: PhotoResult
        /// The `<tr>` attributes after its `id`, and the cells after the thumbnail's.
        let attributes: String
        let cells: String
        /// Nil when not tried (the thumbnail budget was spent).
        let thumbnail: Result<Thumbnail, Thumbnail.Absence>?
    }

    let output: TextOutput
    let messages: Messages
    private let thumbnails: ThumbnailBudget
    private let generatedAt: Int64
    private var begun = false
    private var rows = 0
    private var thumbnailsWritten = 0
    private var tally = HTMLTally()
    /// The first photo, for the evidence sheet of a one-photo run.
    private var first: PhotoResult?

    /// A report to `output` in the language of `messages`; `generatedAt` (UTC seconds) is
    /// shown in its heading.
    public init(output: TextOutput, messages: Messages, generatedAt: Int64 = Int64(time(nil))) {
        self.output = output
        self.messages = messages
        self.generatedAt = generatedAt
        thumbnails = ThumbnailBudget()
    }

    public func row(for result: PhotoResult) -> Row {
        let thumbnail = thumbnails.written.load(ordering: .relaxed) < HTMLReport.maxThumbnails && result.error == nil
            ? Thumbnail.make(path: PhotoPath.parsing(printed: result.path), limits: .row, checkedSHA256: result.fingerprint?.fileSHA256) : nil
        let status = result.verdict.status.rawValue
        let attributes = #" data-path="\#(HTMLText.escape(result.path))" data-status="\#(status)""#
        return Row(result: result, attributes: attributes, cells: HTMLRow(result: result, messages: messages).cells, thumbnail: thumbnail)
    }

    public mutating func write(_ row: Row) {
        begin()
        rows += 1
        let id = "r\(rows)"
        var thumbnailCell: String
        switch row.thumbnail {
        case .success(let picture)? where thumbnailsWritten < HTMLReport.maxThumbnails:
            thumbnailsWritten += 1
            thumbnails.written.add(1, ordering: .relaxed)
            thumbnailCell = #"<img alt="" width="\#(picture.width)" height="\#(picture.height)" src="\#(HTMLText.dataURI(jpeg: picture.jpeg))">"#
        case .failure(let absence)?:
            thumbnailCell = #"<span class="nothumb">\#(HTMLText.escape(messages.noThumbnail(absence)))</span>"#
        default:
            thumbnailCell = row.result.error == nil ? #"<span class="nothumb">\#(HTMLText.escape(messages.html(.noThumbnailLimit)))</span>"# : ""
        }
        output.write(#"<tr id="\#(id)"\#(row.attributes)><td class="thumb">\#(thumbnailCell)</td>\#(row.cells)</tr>"# + "\n")
        tally.add(row.result, row: id, messages: messages)
        if rows == 1 { first = row.result } else { first = nil }
    }

    public mutating func finish(_ summary: BatchSummary) {
        begin()
        output.write("</tbody></table>")
        if rows == 0 { output.write(#"<p class="empty">\#(HTMLText.escape(messages.html(.emptyReport)))</p>"#) }
        output.write(#"<p class="note">\#(HTMLText.escape(messages.thumbnailNote(limit: HTMLReport.maxThumbnails, maxBytes: Thumbnail.Limits.row.maxBytes)))</p></section>"# + "\n")
        if rows == 1, let first { output.write(HTMLEvidenceSheet(result: first, messages: messages).html) }
        output.write(HTMLSummary(tally: tally, summary: summary, messages: messages).html)
        output.write(mapSection())
        output.write("</main>\n<script>\(HTMLReport.pageScript)</script>\n</body>\n</html>\n")
        output.flush()
    }

    private func mapSection() -> String {
        let labels = messages
        var html = #"<section id="map" class="card"><h2>\#(HTMLText.escape(labels.html(.mapHeading)))</h2>"#
        guard MapLayers.embedded != nil else { return html + "<p>\(HTMLText.escape(labels.html(.noMap)))</p></section>\n" }
        let (svg, offMap) = MapDrawing.regencyMap(dots: tally.dots, labels: labels)
        html += #"<div class="legend"><span>\#(HTMLText.escape(labels.html(.legend)))</span>"#
        for status in PhotoStatus.allCases {
            html += #"<span class="key"><svg viewBox="0 0 12 12" width="12" height="12"><circle class="dot" data-status="\#(status.rawValue)" cx="6" cy="6" r="5"/></svg>\#(HTMLText.escape(labels.statusWord(status)))</span>"#
        }
        html += #"<span class="key"><span class="swatch regency-key"></span>Kabupaten Bangka Barat</span><span class="key"><span class="swatch neighbour-key"></span>\#(HTMLText.escape(labels.pick(id: "wilayah lain", en: "other regencies")))</span></div>"#
        html += #"<div class="mapbox">\#(svg)</div>"#
        if tally.dotsLeftOut > 0 {
            html += #"<p class="note">\#(HTMLText.escape(labels.dotsNotDrawn(tally.dotsLeftOut, limit: MapDrawing.maxDots)))</p>"#
        }
        if !offMap.isEmpty {
            html += #"<h3>\#(HTMLText.escape(labels.html(.offMapHeading)))</h3><ul class="offmap">"#
            for item in offMap.sorted(by: { $0.distance < $1.distance }).prefix(200) {
                let text = "\(labels.kilometres(item.distance)) \(labels.html(.distanceToBoundary)), \(labels.compass(item.direction))"
                html += ##"<li><span class="badge" data-status="\##(item.dot.status.rawValue)">\##(HTMLText.escape(labels.statusWord(item.dot.status)))</span> <a class="rowlink" href="#\##(item.dot.row)">\##(HTMLText.escape(item.dot.path))</a> — \##(HTMLText.escape(text))</li>"##
            }
            if offMap.count > 200 { html += "<li>\(HTMLText.escape(labels.andMore(offMap.count - 200)))</li>" }
            html += "</ul>"
        }
        return html + "</section>\n"
    }

    /// The document's head, heading and the table's start, written before the first row.
    private mutating func begin() {
        guard !begun else { return }
        begun = true
        let m = messages
        let t = WIB.localTime(utcSeconds: generatedAt)
        let made = "\(t.date) \(pad(t.hour)):\(pad(t.minute)) WIB"
        let csp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src \(HTMLReport.scriptHashes); base-uri 'none'; form-action 'none'"
        var html = """
        <!DOCTYPE html>
        <html lang="\(m.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(csp)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="verify-photos">
        <title>\(HTMLText.escape(m.html(.documentTitle))) — \(made)</title>
        <script>\(HTMLReport.errorScript)</script>
        <style>\(HTMLReport.style)</style>
        </head>
        <body data-filter="all">
        <header class="top"><h1>\(HTMLText.escape(m.html(.documentTitle)))</h1><p>\(HTMLText.escape(m.html(.subtitle)))</p><p class="made">\(HTMLText.escape(m.html(.generatedAt))): \(made)</p></header>
        <main>
        <section id="photos" class="card"><h2>\(HTMLText.escape(m.html(.photosHeading)))</h2>
        <div class="filters"><span>\(HTMLText.escape(m.html(.showLabel)))</span>
        """
        html += #"<button type="button" data-filter="all" aria-pressed="true">\#(HTMLText.escape(m.html(.all))) <span class="n"></span></button>"#
        for status in PhotoStatus.allCases {
            html += #"<button type="button" data-filter="\#(status.rawValue)" aria-pressed="false">\#(HTMLText.escape(m.statusWord(status))) <span class="n"></span></button>"#
        }
        html += #"<span class="hint">\#(HTMLText.escape(m.html(.sortHint)))</span></div>"# + "\n"
        html += #"<table id="photo-table"><thead><tr><th>\#(HTMLText.escape(m.html(.preview)))</th>"#
        let sortable: [HTMLLabel] = [.status, .file, .takenAt, .place, .reasonsAndAdvice, .valuesRead]
        for (index, label) in sortable.enumerated() {
            html += #"<th data-sort="\#(index + 1)" tabindex="0">\#(HTMLText.escape(m.html(label)))</th>"#
        }
        html += "</tr></thead><tbody>\n"
        output.write(html)
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Runs first: records any script error in `data-script-errors` on `<html>`, where a test or
    /// a person (the inspector) can see it.
    static let errorScript = #"window.addEventListener('error',function(e){var d=document.documentElement;d.setAttribute('data-script-errors',(d.getAttribute('data-script-errors')||'')+(e.message||'error')+';');});"#

    /// Sorting, filtering, and map dots that select their row; sets `data-ready` on `<body>`
    /// when set up without an exception.
    static let pageScript = #"""
    (function(){
    var body=document.body,table=document.getElementById('photo-table'),tbody=table.tBodies[0];
    var rows=Array.prototype.slice.call(tbody.rows);
    var counts={all:rows.length};
    rows.forEach(function(r){var s=r.getAttribute('data-status');counts[s]=(counts[s]||0)+1;});
    var buttons=document.querySelectorAll('.filters button');
    Array.prototype.forEach.call(buttons,function(b){
      var f=b.getAttribute('data-filter');b.querySelector('.n').textContent='('+(counts[f]||0)+')';
      b.addEventListener('click',function(){body.setAttribute('data-filter',f);
        Array.prototype.forEach.call(buttons,function(o){o.setAttribute('aria-pressed',o===b?'true':'false');});});
    });
    var direction={};
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th){
      var column=th.getAttribute('data-sort');if(!column)return;
      var sort=function(){
        var up=direction[column]=!direction[column];
        var key=function(r){var c=r.cells[column];return c.getAttribute('data-key')||c.textContent;};
        var sorted=Array.prototype.slice.call(tbody.rows).sort(function(a,b){
          var x=key(a),y=key(b),nx=parseFloat(x),ny=parseFloat(y);
          var d=(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x&&String(ny)===y)?nx-ny:x.localeCompare(y);
          return up?d:-d;});
        sorted.forEach(function(r){tbody.appendChild(r);});
        Array.prototype.forEach.call(table.tHead.rows[0].cells,function(o){o.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',up?'ascending':'descending');
      };
      th.addEventListener('click',sort);
      th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort();}});
    });
    var select=function(id){
      var row=document.getElementById(id);if(!row)return;
      Array.prototype.forEach.call(document.querySelectorAll('.selected'),function(o){o.classList.remove('selected');});
      row.classList.add('selected');
      Array.prototype.forEach.call(document.querySelectorAll('circle.dot[data-row="'+id+'"]'),function(o){o.classList.add('selected');});
      if(getComputedStyle(row).display==='none'){body.setAttribute('data-filter','all');
        Array.prototype.forEach.call(buttons,function(o){o.setAttribute('aria-pressed',o.getAttribute('data-filter')==='all'?'true':'false');});}
      row.scrollIntoView({block:'center'});
    };
    Array.prototype.forEach.call(document.querySelectorAll('circle.dot[data-row]'),function(dot){
      dot.addEventListener('click',function(){select(dot.getAttribute('data-row'));});
    });
    Array.prototype.forEach.call(document.querySelectorAll('a.rowlink'),function(a){
      a.addEventListener('click',function(e){e.preventDefault();select(a.getAttribute('href').slice(1));});
    });
    body.setAttribute('data-ready','true');
    })();
    """#

    /// The CSP sources that allow exactly the page's two scripts.
    static let scriptHashes: String = [errorScript, pageScript].map { script in
        let digest = Array(script.utf8).withUnsafeBytes { SHA256Hasher.digest($0) } ?? []
        return "'sha256-\(Data(digest).base64EncodedString())'"
    }.joined(separator: " ")

    static let style = """
    :root{--ok:#1a9850;--review:#e08a00;--flagged:#d7301f;--unreadable:#6b6b6b;--ink:#1f2933;--muted:#5f6b7a;--line:#d9dee5;--sea:#d6e9f5;}
    *{box-sizing:border-box}
    body{margin:0;font:14px/1.45 "Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);background:#f3f5f8}
    header.top{background:#17375e;color:#fff;padding:16px 24px}
    header.top h1{margin:0;font-size:22px}header.top p{margin:4px 0 0;opacity:.9}header.top .made{font-size:13px}
    main{display:flex;flex-direction:column;gap:16px;padding:16px 24px;max-width:1500px;margin:0 auto}
    #evidence{order:0}#summary{order:1}#map{order:2}#photos{order:3}
    .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
    h2{font-size:18px;margin:4px 0 10px}h3{font-size:15px;margin:12px 0 6px}
    .statuses{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:8px}
    .stat{flex:1 1 150px;border-radius:8px;padding:10px 14px;color:#fff}
    .stat b{display:block;font-size:28px;line-height:1.1}
    .stat[data-status=ok],.badge[data-status=ok]{background:var(--ok)}
    .stat[data-status=review],.badge[data-status=review]{background:var(--review)}
    .stat[data-status=flagged],.badge[data-status=flagged]{background:var(--flagged)}
    .stat[data-status=unreadable],.badge[data-status=unreadable]{background:var(--unreadable)}
    .badge{display:inline-block;color:#fff;border-radius:4px;padding:1px 7px;font-size:12px;font-weight:600;white-space:nowrap}
    .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(400px,1fr));gap:8px 24px}
    .grid td:first-child{min-width:150px}
    table{border-collapse:collapse;width:100%}
    th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
    th{background:#eef2f7;font-weight:600}
    td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
    .small td,.small th{padding:3px 8px;font-size:13px}
    #photo-table thead th{position:sticky;top:0;z-index:1}
    #photo-table th[data-sort]{cursor:pointer}#photo-table th[data-sort]:after{content:" \\2195";color:var(--muted)}
    #photo-table th[aria-sort=ascending]:after{content:" \\2191"}#photo-table th[aria-sort=descending]:after{content:" \\2193"}
    #photo-table tbody tr:hover{background:#f7f9fc}
    #photo-table tr.selected{background:#fff6cc;outline:2px solid #f0b400}
    #photo-table td.thumb{width:124px}
    #photo-table td.thumb img{display:block;width:112px;height:auto;border-radius:4px;border:1px solid var(--line)}
    .nothumb{display:block;width:112px;color:var(--muted);font-size:12px;font-style:italic}
    #photo-table td:nth-child(2),#photo-table td:nth-child(4){white-space:nowrap}
    #photo-table td:nth-child(3){max-width:240px}
    #photo-table td:nth-child(6){min-width:200px}
    #photo-table td:nth-child(7){min-width:230px}
    .path{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:12px;word-break:break-all}
    .who,.sub,.note,.hint{color:var(--muted);font-size:12.5px}
    ul.reasons{margin:0;padding-left:18px}
    dl.values{margin:0;display:grid;grid-template-columns:auto 1fr;gap:0 8px;font-size:12.5px}
    dl.values dt{color:var(--muted);white-space:nowrap}dl.values dd{margin:0;overflow-wrap:anywhere}
    .filters{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-bottom:8px}
    .filters button{font:inherit;border:1px solid var(--line);background:#fff;border-radius:16px;padding:3px 12px;cursor:pointer}
    .filters button[aria-pressed=true]{background:#17375e;color:#fff;border-color:#17375e}
    .filters .hint{margin-left:8px}
    body[data-filter=ok] #photo-table tbody tr:not([data-status=ok]),
    body[data-filter=review] #photo-table tbody tr:not([data-status=review]),
    body[data-filter=flagged] #photo-table tbody tr:not([data-status=flagged]),
    body[data-filter=unreadable] #photo-table tbody tr:not([data-status=unreadable]){display:none}
    .mapbox{border:1px solid var(--line);border-radius:6px;overflow:hidden;max-width:900px}
    svg.map{display:block;width:100%;height:auto}
    svg .sea{fill:var(--sea)}
    svg .province,svg .neighbour{fill:#e3e3e0;stroke:#b9b9b4;stroke-width:.8}
    svg .regency{fill:#fbf7e9;stroke:none}
    svg .desa{fill:none;stroke:#c9bfa3;stroke-width:.8;stroke-dasharray:2 2}
    svg .desa-name{font-size:11px;fill:#7a705c;text-anchor:middle;font-style:italic;paint-order:stroke;stroke:#fbf7e9;stroke-width:3px}
    svg .kecamatan{fill:none;stroke:#8c8472;stroke-width:1;stroke-dasharray:4 3}
    svg .regency-outline{fill:none;stroke:#3d3a33;stroke-width:2}
    svg .place{font-size:13px;fill:#5b5140;text-anchor:middle;font-weight:600;paint-order:stroke;stroke:#fbf7e9;stroke-width:3px;letter-spacing:.5px}
    svg .dot{stroke:#fff;stroke-width:1.5;cursor:pointer}
    svg .dot[data-status=ok]{fill:var(--ok)}svg .dot[data-status=review]{fill:var(--review)}
    svg .dot[data-status=flagged]{fill:var(--flagged)}svg .dot[data-status=unreadable]{fill:var(--unreadable)}
    svg .dot.selected{stroke:#000;stroke-width:3}
    svg .edge .arrow{stroke:#fff;stroke-width:1.2}
    svg .edge[data-status=ok] .arrow{fill:var(--ok)}svg .edge[data-status=review] .arrow{fill:var(--review)}
    svg .edge[data-status=flagged] .arrow{fill:var(--flagged)}svg .edge[data-status=unreadable] .arrow{fill:var(--unreadable)}
    svg .edge-label{font-size:12.5px;font-weight:600;fill:#1f2933;paint-order:stroke;stroke:#fff;stroke-width:3px}
    svg .strip{fill:#fff}svg .scale path{stroke:#1f2933;stroke-width:3;fill:none}svg .scale text,svg .north{font-size:12px;fill:#1f2933;font-weight:600}
    .legend{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;margin-bottom:8px;font-size:13px}
    .legend .key{display:inline-flex;align-items:center;gap:5px}
    .legend .key svg .dot{stroke-width:1}
    .swatch{display:inline-block;width:14px;height:10px;border:1px solid #999}
    .regency-key{background:#fbf7e9;border-color:#3d3a33}.neighbour-key{background:#e3e3e0}
    ul.offmap{margin:0;padding-left:18px;font-size:13px}
    .sheet{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;align-items:start}
    .sheet img{width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
    .outcome{white-space:nowrap}.outcome[data-outcome=pass]{color:var(--ok)}.outcome[data-outcome=review]{color:var(--review)}
    .outcome[data-outcome=fail]{color:var(--flagged)}.outcome[data-outcome=notJudged]{color:var(--muted)}
    pre.explain{white-space:pre-wrap;word-break:break-word;font:12px/1.4 "DejaVu Sans Mono",Consolas,monospace;background:#f7f9fc;border:1px solid var(--line);border-radius:4px;padding:8px}
    .empty{font-style:italic}
    @page{size:A4;margin:12mm}
    @media print{
      body{background:#fff;font-size:9.5pt}pre.explain{font-size:8pt}.small td,.small th{font-size:9pt;padding:2px 6px}header.top{background:#fff;color:#000;padding:0 0 6px;border-bottom:2px solid #000}
      main{padding:0;gap:8px;max-width:none}.card{border:none;padding:0}
      .filters,.hint,.no-print{display:none}
      #photo-table thead th{position:static}
      tr,img,svg,.stat{break-inside:avoid}
      main:has(#evidence)>section:not(#evidence){display:none}
      .sheet{grid-template-columns:1fr 1fr}
      *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    }
    """
}

/// Photos written with a thumbnail so far, shared by the copies of one report (those that
/// prepare rows skip decoding once the budget is spent).
private final class ThumbnailBudget: Sendable {
    let written = Atomic<Int>(0)
}

/// HTML escaping of text from anywhere: control, bidi and invisible characters are first
/// shown as in the terminal (`\x1b`, `\u{202E}`), then `& < > " '` become entities, so the
/// result is safe in element content and in quoted attribute values alike.
enum HTMLText {
    /// A JPEG as a `data:` URI, for an `<img>` that loads nothing.
    static func dataURI(jpeg: [UInt8]) -> String {
        "data:image/jpeg;base64," + Data(jpeg).base64EncodedString()
    }

    static func escape(_ s: String) -> String {
        entities(TerminalText.safe(s))
    }

    /// `&`, `<`, `>`, `"` and `'` as entities, for HTML and XML (KML) alike. Scalar by scalar: a
    /// `<` followed by a combining mark is one Character, and must still be escaped.
    static func entities(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { "&<>\"'".unicodeScalars.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

extension PhotoPath {
    /// The path whose printed form (`description`) is `printed`: `\\` is a backslash, `\xHH`
    /// the byte HH, everything else its UTF-8 bytes.
    static func parsing(printed: String) -> PhotoPath {
        var bytes: [UInt8] = []
        let utf8 = Array(printed.utf8)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 1 < utf8.count {
                if utf8[i + 1] == UInt8(ascii: "\\") {
                    bytes.append(UInt8(ascii: "\\"))
                    i += 2
                    continue
                }
                if utf8[i + 1] == UInt8(ascii: "x"), i + 3 < utf8.count, let high = hex(utf8[i + 2]), let low = hex(utf8[i + 3]) {
                    bytes.append(high << 4 | low)
                    i += 4
                    continue
                }
            }
            bytes.append(utf8[i])
            i += 1
        }
        return PhotoPath(bytes: bytes)
    }
}
