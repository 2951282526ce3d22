package vn.herald.exposure;

import jakarta.inject.Singleton;
import vn.herald.support.Folders;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the server's folders out of what people read: an error of the file system names its file by its absolute
 * path ({@code /srv/herald/content/articles/x.md}, {@code file:///srv/herald/data/loa/...}); shown to an editor it
 * becomes the path inside the library or data folder ({@code content/articles/x.md}, {@code data/loa/...}).
 */
@Singleton
public class ServerPaths {

    /** Each folder's absolute forms (file URI first), longest first, with the name shown instead. */
    private final Map<String, String> shown = new LinkedHashMap<>();

    ServerPaths(Folders folders) {
        List<Map.Entry<String, String>> forms = new ArrayList<>();
        for (Path folder : List.of(folders.contentDir(), folders.channelsDir(), folders.dataDir())) {
            Path absolute = folder.toAbsolutePath().normalize();
            String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
            for (String form : List.of(absolute.toUri().toString(), "file:" + absolute, absolute.toString(),
                    folder.toAbsolutePath().toString())) {
                forms.add(Map.entry(form.endsWith("/") ? form.substring(0, form.length() - 1) : form, name));
            }
        }
        forms.sort(Comparator.comparing((Map.Entry<String, String> form) -> form.getKey().length()).reversed());
        forms.forEach(form -> shown.putIfAbsent(form.getKey(), form.getValue()));
    }

    /** The text with every path inside the server's folders written relative to them; null stays null. */
    public String hide(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Map.Entry<String, String> form : shown.entrySet()) {
            result = result.replace(form.getKey(), form.getValue());
        }
        return result;
    }
}
