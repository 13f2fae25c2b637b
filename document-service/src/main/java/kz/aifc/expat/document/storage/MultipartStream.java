package kz.aifc.expat.document.storage;

import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Streaming {@code multipart/form-data} parser over a raw request body (commons-fileupload2 core, servlet-free).
 * Only the iterator API is used: each part is read as a stream, nothing is buffered whole or written to disk.
 */
public final class MultipartStream extends AbstractFileUpload<MultipartStream.Body, DiskFileItem, DiskFileItemFactory> {

    /** The raw request: its Content-Type (with the boundary), declared length (-1 if unknown) and body stream. */
    public record Body(String contentType, long contentLength, InputStream in) {
    }

    public MultipartStream() {
        setFileCountMax(10);
    }

    @Override
    public FileItemInputIterator getItemIterator(Body body) throws FileUploadException, IOException {
        return getItemIterator(new RequestContext() {
            @Override
            public String getCharacterEncoding() {
                return null;
            }

            @Override
            public long getContentLength() {
                return body.contentLength();
            }

            @Override
            public String getContentType() {
                return body.contentType();
            }

            @Override
            public InputStream getInputStream() {
                return body.in();
            }

            @Override
            public boolean isMultipartRelated() {
                return false;
            }
        });
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(Body body) {
        throw new UnsupportedOperationException("buffering parse is not used: stream the items");
    }

    @Override
    public List<DiskFileItem> parseRequest(Body body) {
        throw new UnsupportedOperationException("buffering parse is not used: stream the items");
    }
}
