/// A typed contiguous column whose rows may be missing: values plus a validity bitmap.
///
/// A missing row holds `T`'s zero-like placeholder in `values`; read `present` first.
public struct OptionalColumn<Value: Sendable & Equatable>: Sendable, Equatable {
    public private(set) var values: [Value]
    public private(set) var present: Bitmap
    private let placeholder: Value

    public init(placeholder: Value) {
        values = []
        present = Bitmap(count: 0, value: false)
        self.placeholder = placeholder
    }

    public init(values: [Value], present: Bitmap, placeholder: Value) {
        precondition(values.count == present.count, "validity length mismatch")
        self.values = values
        self.present = present
        self.placeholder = placeholder
    }

    public var count: Int { values.count }

    public mutating func append(_ value: Value?) {
        values.append(value ?? placeholder)
        present.append(value != nil)
    }

    @inlinable
    public subscript(i: Int) -> Value? { present[i] ? values[i] : nil }
}
