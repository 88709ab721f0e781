// Blob offline: bytes with a content type and a name, as Utilities.newBlob, gzip
// and ungzip hand them out. Conversions between types are not emulated.
import { unsupportedError } from "../api-surface";
import { signedBytes, toBytes, type Byte } from "./bytes";

const EXTENSION_TYPES: Record<string, string> = {
  txt: "text/plain", csv: "text/csv", html: "text/html", htm: "text/html", json: "application/json", js: "application/javascript",
  xml: "text/xml", pdf: "application/pdf", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif",
  zip: "application/zip", gz: "application/x-gzip",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function encodeString(text: string, charset = "UTF-8"): Buffer {
  const name = charset.toLowerCase().replace(/[-_]/g, "");
  if (name === "utf8") return Buffer.from(text, "utf8");
  if (name === "usascii") return toBytes(text, "US_ASCII");
  if (name === "iso88591") return Buffer.from(text, "latin1");
  throw unsupportedError(`文字コード ${charset} への変換`);
}

export class LocalBlob implements GoogleAppsScript.Base.Blob {
  private bytes: Buffer;

  constructor(data: string | ArrayLike<Byte>, private contentType: string | null, private name: string | null) {
    this.bytes = typeof data === "string" ? encodeString(data) : toBytes(data);
  }

  copyBlob(): LocalBlob {
    return new LocalBlob(this.bytes, this.contentType, this.name);
  }

  getAs(contentType: string): LocalBlob {
    if (contentType !== this.contentType) throw unsupportedError(`Blob.getAs("${contentType}") の変換`);
    return this.copyBlob();
  }

  getBlob(): LocalBlob {
    return this;
  }

  getBytes(): Byte[] {
    return signedBytes(this.bytes);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getDataAsString(charset = "UTF-8"): string {
    try {
      return new TextDecoder(charset).decode(this.bytes);
    } catch {
      throw new Error(`Unsupported charset: ${charset}`);
    }
  }

  getName(): string | null {
    return this.name;
  }

  isGoogleType(): boolean {
    return false;
  }

  setBytes(data: Byte[]): LocalBlob {
    this.bytes = toBytes(data);
    return this;
  }

  setContentType(contentType: string | null): LocalBlob {
    this.contentType = contentType;
    return this;
  }

  setContentTypeFromExtension(): LocalBlob {
    const type = EXTENSION_TYPES[/\.([^.]+)$/.exec(this.name ?? "")?.[1].toLowerCase() ?? ""];
    if (!type) throw new Error(`Could not determine the content type from the file name: ${this.name}`);
    this.contentType = type;
    return this;
  }

  setDataFromString(text: string, charset?: string): LocalBlob {
    this.bytes = encodeString(text, charset);
    return this;
  }

  setName(name: string): LocalBlob {
    this.name = name;
    return this;
  }

  getAllBlobs(): LocalBlob[] {
    throw unsupportedError("Blob.getAllBlobs");
  }
}
