// The completion scripts printed by `csroles completion <shell>`. Each one only hands the words
// of the command line to `csroles __complete -- <words…>` and shows its answer: a first line that
// says how to complete ("words", "files" or "dirs"), then one candidate a line. So no script lists
// commands, options or roles itself, and a new command or profile completes with no new script.

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

const BASH = `# csroles completion for bash. Install: echo 'source <(csroles completion bash)' >> ~/.bashrc
_csroles() {
  local line="\${COMP_LINE:0:COMP_POINT}" word="\${COMP_WORDS[COMP_CWORD]}"
  local -a words
  read -ra words <<<"$line"
  [[ $line == *[[:space:]] || \${#words[@]} -eq 0 ]] && words+=("")
  local current="\${words[\${#words[@]}-1]}"
  local IFS=$'\\n'
  local -a answer
  answer=($(csroles __complete -- "\${words[@]:1}" 2>/dev/null))
  COMPREPLY=()
  case "\${answer[0]}" in
    files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "\${word#=}")) ;;
    dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "\${word#=}")) ;;
    words)
      # bash splits "--lang=sv" at "=": the candidates lose what is already a word of its own.
      local done="\${current%"$word"}" candidate
      for candidate in "\${answer[@]:1}"; do
        COMPREPLY+=("$(printf '%q' "\${candidate#"$done"}")")
      done ;;
  esac
}
complete -F _csroles csroles
`;

const ZSH = `#compdef csroles
# csroles completion for zsh. Install: echo 'source <(csroles completion zsh)' >> ~/.zshrc
_csroles() {
  local -a answer
  answer=("\${(@f)$(csroles __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  case "\${answer[1]}" in
    files) compset -P '*='; _files ;;
    dirs) compset -P '*='; _files -/ ;;
    words) (( \${#answer} > 1 )) && compadd -- "\${(@)answer[2,-1]}" ;;
  esac
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _csroles "$@"
else
  compdef _csroles csroles
fi
`;

const FISH = `# csroles completion for fish. Install: csroles completion fish > ~/.config/fish/completions/csroles.fish
function __csroles_complete
    set -l token (commandline -ct)
    set -l words (commandline -opc) $token
    set -l answer (csroles __complete -- $words[2..-1] 2>/dev/null)
    # A value given as --data=folder: complete the folder, keep the option.
    set -l option (string match -r -- '^-[^=]*=' $token)
    set -l value (string replace -r -- '^-[^=]*=' '' $token)
    switch "$answer[1]"
        case files
            for path in (__fish_complete_path $value)
                printf '%s%s\\n' "$option" $path
            end
        case dirs
            for path in (__fish_complete_directories $value)
                printf '%s%s\\n' "$option" $path
            end
        case words
            printf '%s\\n' $answer[2..-1]
    end
end
complete -c csroles -f -a '(__csroles_complete)'
`;

export const COMPLETION_SCRIPTS: Record<Shell, string> = { bash: BASH, zsh: ZSH, fish: FISH };
