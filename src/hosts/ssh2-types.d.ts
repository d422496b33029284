/**
 * Types for the part of ssh2 (the library node-ssh wraps) that rigger touches. The package ships
 * no types and @types/ssh2 is not a dependency; without these, node-ssh's own typings resolve to
 * `any` and every call into it escapes type checking. Delete this file if @types/ssh2 is added.
 *
 * `export =` of a namespace mirrors ssh2's CommonJS `module.exports`, so both `import ssh2 from
 * 'ssh2'` here and node-ssh's `SSH2.Client` type references resolve.
 */
declare module 'ssh2' {
  import type { Duplex, Readable } from 'node:stream';
  import type { EventEmitter } from 'node:events';

  namespace ssh2 {
    /** An SSH public or private key as ssh2 parsed it. */
    interface ParsedKey {
      /** Key type as named on the wire, e.g. `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`. */
      type: string;
      comment: string;
      /** The public key blob in SSH wire format (what known_hosts stores in base64). */
      getPublicSSH(): Buffer;
      isPrivateKey(): boolean;
    }

    /** An algorithm list, or edits of ssh2's default list applied in key order. */
    type AlgorithmList = string[] | { append?: string[]; prepend?: string[]; remove?: string[] };

    /** Called with the server's host key blob; answer through `verify` or by returning a boolean. */
    type HostVerifier = (key: Buffer, verify: (valid: boolean) => void) => boolean | undefined;

    interface ConnectConfig {
      host?: string;
      port?: number;
      username?: string;
      privateKey?: string | Buffer;
      passphrase?: string | Buffer;
      /** Path of an ssh-agent socket (`SSH_AUTH_SOCK`) to authenticate with. */
      agent?: string;
      /** An already connected stream to speak SSH over (a bastion's forwarded channel). */
      sock?: Duplex;
      hostVerifier?: HostVerifier;
      /** Milliseconds for TCP connect plus handshake plus authentication. */
      readyTimeout?: number;
      keepaliveInterval?: number;
      keepaliveCountMax?: number;
      algorithms?: { serverHostKey?: AlgorithmList };
      debug?: (message: string) => void;
    }

    /** An exec or forwarded channel. */
    interface ClientChannel extends Duplex {
      stderr: Readable;
      /** Sends a signal request (name without `SIG`); servers may ignore it. */
      signal(signalName: string): boolean;
      close(): void;
    }

    /** Errors ssh2 emits carry where in the connection they happened. */
    interface ClientError extends Error {
      level?: string;
      code?: string;
    }

    class Client extends EventEmitter {
      connect(config: ConnectConfig): this;
      end(): this;
      destroy(): this;
      exec(command: string, callback: (err: Error | undefined, channel: ClientChannel) => void): this;
      forwardOut(
        srcIP: string,
        srcPort: number,
        dstIP: string,
        dstPort: number,
        callback: (err: Error | undefined, channel: ClientChannel) => void,
      ): this;
      on(event: 'error', listener: (err: ClientError) => void): this;
      on(event: 'ready' | 'end' | 'close', listener: () => void): this;
      on(event: string | symbol, listener: (...args: unknown[]) => void): this;
    }

    const utils: {
      /** Parses OpenSSH, PEM, PPK or RFC 4716 text, or a binary public key blob. */
      parseKey(data: string | Buffer, passphrase?: string | Buffer): ParsedKey | ParsedKey[] | Error;
    };

    /** Names node-ssh's typings import; rigger does not use them. */
    type AcceptConnection<T = ClientChannel> = (...args: unknown[]) => T;
    type RejectConnection = () => void;
    type Channel = ClientChannel;
    interface ExecOptions {
      env?: Record<string, string>;
    }
    type Prompt = { prompt: string; echo?: boolean };
    type PseudoTtyOptions = Record<string, unknown>;
    type ShellOptions = Record<string, unknown>;
    type SFTPWrapper = EventEmitter;
    type TcpConnectionDetails = Record<string, unknown>;
    type TransferOptions = Record<string, unknown>;
    type UNIXConnectionDetails = Record<string, unknown>;
  }

  export = ssh2;
}
