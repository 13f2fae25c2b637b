package kz.aifc.expat.document.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** File types a document may have, recognised by magic bytes, never by the declared header or the file name. */
public enum FileType {
    PDF("application/pdf", "pdf", Set.of("pdf"), new byte[]{'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", "png", Set.of("png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg"), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** Bytes needed to recognise any type. */
    public static final int SNIFF_LENGTH = 8;

    private final String mediaType;
    private final String extension;
    private final Set<String> extensions;
    private final byte[] magic;

    FileType(String mediaType, String extension, Set<String> extensions, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.extensions = extensions;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension a stored file of this type is named with ("pdf", "png", "jpg"). */
    public String extension() {
        return extension;
    }

    /** Whether the file name already ends in an extension of this type (any letter case). */
    public boolean names(String filename) {
        return ofExtension(filename).filter(t -> t == this).isPresent();
    }

    /** The type whose signature starts {@code head} (of which {@code length} bytes are valid). */
    public static Optional<FileType> sniff(byte[] head, int length) {
        return Arrays.stream(values())
                .filter(t -> length >= t.magic.length && Arrays.equals(head, 0, t.magic.length, t.magic, 0,
                        t.magic.length))
                .findFirst();
    }

    /** The type a media type names, if it names one of ours. */
    public static Optional<FileType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (bare.equals("image/jpg") || bare.equals("image/pjpeg")) {
            return Optional.of(JPEG);
        }
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare)).findFirst();
    }

    /** The type a file name's extension names, if it names one of ours. */
    public static Optional<FileType> ofExtension(String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        int dot = filename.lastIndexOf('.');
        if (dot < 0 || dot == filename.length() - 1) {
            return Optional.empty();
        }
        String ext = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(ext)).findFirst();
    }
}
