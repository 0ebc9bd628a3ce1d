import NIOCore
import Synchronization

/// Tells whether a client closed its side of the connection.
///
/// The server allows half-closure (a client may send its request and then shut down its writes),
/// so a connection whose client left stays active until the server writes to it: a query asked for
/// by a client that is gone would run to its time budget. This handler records the end of the
/// client's input as NIO sees it, so ``ServerRequestContext/clientIsGone`` can stop the work.
final class ClientDepartureHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { ClientDeparture.record(context.channel) }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        ClientDeparture.forget(context.channel)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        ClientDeparture.forget(context.channel)
    }
}

/// The connections whose client closed its input, while they are open.
enum ClientDeparture {
    private static let departed = Mutex<Set<ObjectIdentifier>>([])

    static func record(_ channel: any Channel) { _ = departed.withLock { $0.insert(ObjectIdentifier(channel)) } }
    static func forget(_ channel: any Channel) { _ = departed.withLock { $0.remove(ObjectIdentifier(channel)) } }

    /// Whether the client of `channel` has gone: its input ended, or the connection closed.
    static func hasLeft(_ channel: any Channel) -> Bool {
        !channel.isActive || departed.withLock { $0.contains(ObjectIdentifier(channel)) }
    }
}
