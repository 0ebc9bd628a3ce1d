import ARCharts
import ARQuery
import Foundation

/// The e-mail of a rendered pack: the subject of the pack's settings with its figures filled in,
/// the headline figures in the text and HTML bodies, the PDF attached, the PNG pages inline or
/// attached as the pack says.
public enum PackEmail {
    /// - Throws: ``PackRenderError`` when a figure of the subject cannot be computed.
    public static func compose(_ pack: PackDefinition, settings: EmailSettings, rendered: RenderedPack, to address: String,
                               from: String, runner: QueryRunner, scheduledAt: String, date: Date) throws(PackRenderError) -> MIMEMessage {
        let evaluated = rendered.evaluated
        var notes: [String] = []
        var recorder = UseRecorder()
        let evaluator = PackEvaluator(pack: pack, runner: runner, parameters: evaluated.parameters)
        let subject = try evaluator.fill(settings.subject, recorder: &recorder, notes: &notes)
        let recipient = evaluated.parameters.recipient ?? "recipient"
        let messageID = "\(pack.name).\(recipient).\(scheduledAt.filter { $0.isNumber || $0 == "T" || $0 == "Z" })@arlens"
        var attachments = [MIMEMessage.Attachment(name: "\(pack.name).pdf", type: "application/pdf", bytes: rendered.pdf)]
        let files = rendered.files(named: pack.name).dropFirst()
        for (index, file) in files.enumerated() where settings.images != .none {
            attachments.append(MIMEMessage.Attachment(name: file.name, type: "image/png", bytes: file.bytes,
                                                      contentID: settings.images == .inline ? "page\(index + 1).\(messageID)" : nil))
        }
        let lines = headlineLines(evaluated.headline)
        return MIMEMessage(from: from, to: [address], subject: subject, date: date, messageID: messageID,
                           text: text(pack, evaluated, settings: settings, lines: lines, pages: rendered.pageTitles),
                           html: html(pack, evaluated, settings: settings, lines: lines, pages: rendered.pageTitles,
                                      inline: attachments.compactMap(\.contentID)),
                           attachments: attachments)
    }

    /// `AR: EUR 89.6M (▲ 2.0% vs the month before)` for each headline tile.
    static func headlineLines(_ tiles: [KPITile]) -> [String] {
        tiles.map { tile in
            let value = tile.value.map(tile.format.label) ?? "n/a"
            guard let change = tile.relativeChange, let current = tile.value, let previous = tile.previous else {
                return "\(tile.label): \(value)"
            }
            let arrow = change > 0 ? "up" : change < 0 ? "down" : "unchanged"
            // A ratio moves in points (22.6% to 26.0% is 3.4 points), other figures in percent.
            let amount = tile.format == .ratio ? ValueFormat.number(decimals: 1).label(abs(current - previous) * 100) + " pts"
                : ValueFormat.percent.label(abs(change) * 100)
            return "\(tile.label): \(value) (\(arrow) \(amount) on the month before)"
        }
    }

    static func text(_ pack: PackDefinition, _ evaluated: EvaluatedPack, settings: EmailSettings, lines: [String], pages: [String]) -> String {
        var text = ["\(pack.title), as of \(evaluated.parameters.asOf.iso) (\(evaluated.parameters.perimeter))", ""]
        if let note = settings.note { text += [note, ""] }
        text += lines.map { "- " + $0 }
        text += ["", "The attached PDF has \(pages.count) pages: " + pages.joined(separator: "; ") + ".",
                 "Snapshot \(evaluated.snapshotID). Sent by ARLens."]
        return text.joined(separator: "\n")
    }

    static func html(_ pack: PackDefinition, _ evaluated: EvaluatedPack, settings: EmailSettings, lines: [String], pages: [String],
                     inline: [String]) -> String {
        var html = ["<!DOCTYPE html><html><body style=\"font-family: sans-serif; color: #1F2328\">",
                    "<h2>\(escape(pack.title))</h2>",
                    "<p>As of \(evaluated.parameters.asOf.iso) · \(escape(evaluated.parameters.perimeter.description))</p>"]
        if let note = settings.note { html.append("<p>\(escape(note))</p>") }
        html.append("<ul>" + lines.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        html.append("<p>The attached PDF has \(pages.count) pages.</p>")
        for (index, id) in inline.enumerated() {
            html.append("<p><img src=\"cid:\(id)\" alt=\"page \(index + 1): \(escape(pages[index]))\" style=\"max-width: 100%\"></p>")
        }
        html.append("<p style=\"color: #59636E; font-size: small\">Snapshot \(escape(evaluated.snapshotID)). Sent by ARLens.</p></body></html>")
        return html.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
