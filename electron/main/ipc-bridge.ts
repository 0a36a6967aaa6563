/**
 * Main-process side of the bridge: one `ipcMain.handle` per method of the
 * contract table (shared/bridge/contract.ts), so a method cannot exist on the
 * renderer side without a handler here, nor the other way round.
 *
 * Each call passes two gates before a handler runs: the sending frame must
 * show the app (a navigated-away or injected frame gets nothing), and the
 * arguments must match the contract. The result is validated on the way out.
 * Refusals are thrown, so the renderer's promise rejects with the reason.
 */
import { bridgeEntries, dispatchBridgeCall, type BridgeHandlers } from '../../shared/bridge/contract';
import { StroomkringError } from '../../shared/errors/stroomkring-error';

/** The part of Electron's IpcMainInvokeEvent this module reads. */
export interface InvokeEventLike {
  readonly senderFrame?: { readonly url: string } | null;
}

/** The part of Electron's ipcMain this module uses; tests pass a recording fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export class UntrustedSenderError extends StroomkringError {
  override readonly name = 'UntrustedSenderError';
  constructor(
    readonly channel: string,
    readonly senderUrl: string | undefined,
  ) {
    super(`Refused ${channel}: sender ${senderUrl ?? '(no frame)'} is not the app`);
  }
}

export interface BridgeRegistration {
  readonly ipc: IpcMainLike;
  readonly handlers: BridgeHandlers;
  readonly isTrustedSender: (senderFrameUrl: string | undefined) => boolean;
  /** Told about every refused sender; the caller decides how loudly to log. */
  readonly onUntrustedSender?: (error: UntrustedSenderError) => void;
}

/** Registers every contract channel; returns the channel names registered. */
export function registerIpcBridge({ ipc, handlers, isTrustedSender, onUntrustedSender }: BridgeRegistration): string[] {
  const channels: string[] = [];
  for (const { channel } of bridgeEntries()) {
    ipc.handle(channel, async (event, ...args) => {
      // senderFrame is null once the frame has navigated away or been destroyed.
      const senderUrl = event.senderFrame?.url;
      if (!isTrustedSender(senderUrl)) {
        const error = new UntrustedSenderError(channel, senderUrl);
        onUntrustedSender?.(error);
        throw error;
      }
      return dispatchBridgeCall(handlers, channel, args);
    });
    channels.push(channel);
  }
  return channels;
}
