using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace ChildDashboard.Web.Account;

// The password policy after OWASP ASVS 5.0 (V6.2): at least 12 characters (Identity's
// RequiredLength) and no composition rules; refused are the common passwords shipped in
// common-passwords.txt, such a password with digits or symbols around it ("Password2024!"), and a
// password that contains the user name or the application's name.
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);
    private static readonly string[] ContextWords = ["childdashboard", "child dashboard"];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success);
        var lower = password.ToLowerInvariant();
        if (IsCommon(lower))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordCommon",
                Description = Language.Pick(
                    "Mật khẩu này nằm trong danh sách mật khẩu phổ biến (hoặc chỉ thêm số, ký hiệu vào một mật khẩu như vậy); hãy chọn một cụm từ dài khác.",
                    "This password is on the list of common passwords (or is one with digits or symbols added); choose another long phrase."),
            }));
        }
        var userName = user.UserName?.ToLowerInvariant() ?? "";
        if ((userName.Length >= 3 && lower.Contains(userName, StringComparison.Ordinal)) || ContextWords.Any(w => lower.Contains(w, StringComparison.Ordinal)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContext",
                Description = Language.Pick("Mật khẩu không được chứa tên đăng nhập hay tên ứng dụng.", "The password may not contain the user name or the application's name."),
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string lowerCasePassword)
    {
        var common = Common.Value;
        if (common.Contains(lowerCasePassword))
            return true;
        var core = lowerCasePassword.Trim().TrimStart(Decorations).TrimEnd(Decorations);
        return core.Length > 0 && core.Length < lowerCasePassword.Length && common.Contains(core);
    }

    private static readonly char[] Decorations = "0123456789!@#$%^&*()-_=+.,;:?~'\"[]{}<>/\\| ".ToCharArray();

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("ChildDashboard.Web.Account.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                passwords.Add(line);
        }
        return passwords;
    }
}
