/// A rectangle in points (PDF), pixels (SVG) or device-independent pixels (PNG at scale 1).
public struct Rect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// The rectangle shrunk by the given amounts on each side (never below zero size).
    public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: max(0, width - left - right), height: max(0, height - top - bottom))
    }

    /// The rectangle shrunk by `amount` on every side.
    public func inset(by amount: Double) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Splits off a strip of `height` at the top: (strip, rest).
    func splitTop(_ height: Double) -> (Rect, Rect) {
        let h = min(height, self.height)
        return (Rect(x: x, y: y, width: width, height: h), inset(top: h))
    }

    /// Splits off a strip of `height` at the bottom: (rest, strip).
    func splitBottom(_ height: Double) -> (Rect, Rect) {
        let h = min(height, self.height)
        return (inset(bottom: h), Rect(x: x, y: maxY - h, width: width, height: h))
    }

    /// Splits off a strip of `width` at the right: (rest, strip).
    func splitRight(_ width: Double) -> (Rect, Rect) {
        let w = min(width, self.width)
        return (inset(right: w), Rect(x: maxX - w, y: y, width: w, height: height))
    }
}
